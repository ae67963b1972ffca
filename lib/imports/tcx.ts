import { ImportFailure } from "./errors";
import type { SessionDraft } from "./session";
import { matchSport } from "./sport";
import { parseInstant } from "./time";
import { trackStats, type TrackPoint } from "./track";
import type { ImportSource } from "./types";
import { parseNumber } from "./values";
import { asArray, asRecord, parseXml, rootElementName, text } from "./xml";

function toPoint(raw: unknown): TrackPoint {
  const p = asRecord(raw);
  const pos = asRecord(p.Position);
  return {
    time: parseInstant(text(p.Time)),
    lat: parseNumber(text(pos.LatitudeDegrees)),
    lon: parseNumber(text(pos.LongitudeDegrees)),
    ele: parseNumber(text(p.AltitudeMeters)),
    hr: parseNumber(text(asRecord(p.HeartRateBpm).Value)),
  };
}

/**
 * One draft per <Activity>. Distance and moving time are the laps' own totals (DistanceMeters,
 * TotalTimeSeconds: the device's timer time, pauses excluded); elapsed time runs from the first lap's
 * start to the last recorded point, so a paused watch still counts the pause.
 */
export function parseTcx(bytes: Uint8Array, sourceFile: string, source: ImportSource = "TCX"): SessionDraft[] {
  const doc = parseXml(bytes, "TCX");
  const root = rootElementName(doc);
  if (root !== "TrainingCenterDatabase") {
    throw new ImportFailure(
      `This TCX file is damaged: its <TrainingCenterDatabase> root element is missing (the document starts with <${root ?? "nothing"}>)`,
    );
  }
  const activities = asArray(asRecord(asRecord(doc.TrainingCenterDatabase).Activities).Activity).map(asRecord);
  if (activities.length === 0) throw new ImportFailure("No activity found in this TCX file (it may be a course or a workout plan)");

  return activities.map((activity): SessionDraft => {
    const laps = asArray(activity.Lap).map(asRecord);
    if (laps.length === 0) throw new ImportFailure("This TCX activity has no laps, so it holds no recorded data");
    const segments = laps.map((lap) => asArray(lap.Track).flatMap((t) => asArray(asRecord(t).Trackpoint).map(toPoint)));
    // Treat the whole activity as one segment for distance fallbacks; laps are contiguous.
    const stats = trackStats([segments.flat()]);

    const lapStarts = laps.map((l) => parseInstant(l["@_StartTime"])).filter((t): t is number => t !== undefined);
    const startMs = lapStarts.length ? Math.min(...lapStarts) : (stats.startMs ?? parseInstant(text(activity.Id)));
    if (startMs === undefined) throw new ImportFailure("This TCX activity has no start time");

    let timerS = 0;
    let lapDistanceM = 0;
    let hasLapDistance = false;
    let hrWeighted = 0;
    let hrWeight = 0;
    for (const lap of laps) {
      const t = parseNumber(text(lap.TotalTimeSeconds)) ?? 0;
      timerS += t;
      const d = parseNumber(text(lap.DistanceMeters));
      if (d !== undefined) {
        lapDistanceM += d;
        hasLapDistance = true;
      }
      const hr = parseNumber(text(asRecord(lap.AverageHeartRateBpm).Value));
      if (hr !== undefined && t > 0) {
        hrWeighted += hr * t;
        hrWeight += t;
      }
    }
    const recordedS = stats.endMs !== undefined ? (stats.endMs - startMs) / 1000 : 0;
    const durationS = Math.max(timerS, recordedS);
    if (!(durationS > 0)) throw new ImportFailure("This TCX activity has no duration (no lap times and no timed points)");

    return {
      sport: matchSport(text(activity["@_Sport"])) ?? { type: "OTHER" },
      sourceSport: text(activity["@_Sport"]),
      startMs,
      durationS,
      movingS: timerS > 0 ? timerS : stats.movingS,
      distanceM: hasLapDistance ? lapDistanceM : stats.hasPositions ? stats.distanceM : undefined,
      elevationGainM: stats.elevationGainM,
      avgHr: hrWeight > 0 ? hrWeighted / hrWeight : stats.avgHr,
      source,
      sourceFile,
    };
  });
}
