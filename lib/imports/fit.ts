import { Decoder, Stream } from "@garmin/fitsdk";
import { ImportFailure } from "./errors";
import type { SessionDraft } from "./session";
import { fitSportName, mapFitSport } from "./sport";
import { trackStats, type TrackPoint } from "./track";
import type { ImportSource } from "./types";

// FIT stores positions in semicircles: 2^31 of them make 180 degrees.
const SEMICIRCLE_TO_DEG = 180 / 2 ** 31;
// The SDK leaves a raw number when a FIT timestamp is device-relative (below 0x10000000) or not converted.
const FIT_EPOCH_MS = Date.UTC(1989, 11, 31);

type FitRecord = Record<string, unknown>;

function ms(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  if (typeof value === "number" && value >= 0x10000000) return FIT_EPOCH_MS + value * 1000;
  return undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function toPoint(r: FitRecord): TrackPoint {
  const lat = num(r.positionLat);
  const lon = num(r.positionLong);
  return {
    time: ms(r.timestamp),
    lat: lat !== undefined ? lat * SEMICIRCLE_TO_DEG : undefined,
    lon: lon !== undefined ? lon * SEMICIRCLE_TO_DEG : undefined,
    ele: num(r.enhancedAltitude) ?? num(r.altitude),
    hr: num(r.heartRate),
  };
}

function readFailure(errors: Error[]): ImportFailure {
  const detail = errors.map((e) => e.message).join("; ");
  if (/end of stream|out of range|beyond|offset/i.test(detail)) {
    return new ImportFailure(
      "This FIT file is incomplete (it ends before its last record); re-export it from your device or app",
    );
  }
  return new ImportFailure(`This FIT file is damaged and could not be read (${detail.slice(0, 160)})`);
}

/**
 * One draft per FIT session message (a multisport file has several). A file that fails its checksum or
 * ends early is refused whole even though the SDK can decode a prefix of it: a cut-off recording would
 * import as a shorter activity than the one run, and later re-importing the complete file would then look
 * like a different activity.
 */
export function parseFit(bytes: Uint8Array, sourceFile: string, source: ImportSource = "FIT"): SessionDraft[] {
  const stream = Stream.fromByteArray(bytes);
  if (!Decoder.isFIT(stream)) throw new ImportFailure("This is not a FIT file (its header is missing or damaged)");
  const decoder = new Decoder(stream);
  const intact = decoder.checkIntegrity();
  const { messages, errors } = decoder.read({ mergeHeartRates: true, convertTypesToStrings: true });
  if (errors.length > 0) throw readFailure(errors);
  if (!intact) {
    throw new ImportFailure("This FIT file is damaged (its checksum does not match); re-export it from your device or app");
  }

  const fileId = (messages.fileIdMesgs?.[0] ?? {}) as FitRecord;
  if (typeof fileId.type === "string" && fileId.type !== "activity") {
    throw new ImportFailure(`This FIT file holds no activity (it is a "${fileId.type}" file, not a recorded workout)`);
  }
  const records = (messages.recordMesgs ?? []) as FitRecord[];
  const sessions = (messages.sessionMesgs ?? []) as FitRecord[];
  const serial = num(fileId.serialNumber);
  const created = ms(fileId.timeCreated);
  const baseId = serial !== undefined && serial > 0 && created !== undefined ? `fit:${serial}:${Math.round(created / 1000)}` : undefined;

  if (sessions.length === 0) {
    // Some apps write records and laps but no session summary; rebuild one from the records.
    const stats = trackStats([records.map(toPoint)]);
    if (stats.startMs === undefined || stats.endMs === undefined || stats.endMs <= stats.startMs) {
      throw new ImportFailure("This FIT file holds no recorded activity (no session summary and no timed records)");
    }
    const lastDistance = [...records].reverse().map((r) => num(r.distance)).find((d) => d !== undefined);
    const sportMsg = (messages.sportMesgs?.[0] ?? {}) as FitRecord;
    return [
      {
        sport: mapFitSport(sportMsg.sport, sportMsg.subSport),
        sourceSport: fitSportName(sportMsg.sport, sportMsg.subSport),
        startMs: stats.startMs,
        durationS: (stats.endMs - stats.startMs) / 1000,
        movingS: stats.movingS,
        distanceM: lastDistance ?? (stats.hasPositions ? stats.distanceM : undefined),
        elevationGainM: stats.elevationGainM,
        avgHr: stats.avgHr,
        externalId: baseId,
        source,
        sourceFile,
      },
    ];
  }

  return sessions.map((s, i): SessionDraft => {
    const startMs = ms(s.startTime) ?? ms(s.timestamp);
    const elapsed = num(s.totalElapsedTime) ?? num(s.totalTimerTime);
    if (startMs === undefined || elapsed === undefined) {
      throw new ImportFailure("This FIT file's session has no start time or duration");
    }
    const endMs = startMs + elapsed * 1000;
    const own = records.filter((r) => {
      const t = ms(r.timestamp);
      return t !== undefined && t >= startMs && t <= endMs;
    });
    // Summary fields win; records fill what the device left out (many watches omit avg HR or ascent).
    const needsStats = num(s.avgHeartRate) === undefined || num(s.totalAscent) === undefined || num(s.totalDistance) === undefined;
    const stats = needsStats ? trackStats([own.map(toPoint)]) : undefined;
    return {
      sport: mapFitSport(s.sport, s.subSport),
      sourceSport: fitSportName(s.sport, s.subSport),
      startMs,
      durationS: elapsed,
      movingS: num(s.totalTimerTime) ?? stats?.movingS,
      distanceM: num(s.totalDistance) ?? (stats?.hasPositions ? stats.distanceM : undefined),
      elevationGainM: num(s.totalAscent) ?? stats?.elevationGainM,
      avgHr: num(s.avgHeartRate) ?? stats?.avgHr,
      externalId: baseId && sessions.length > 1 ? `${baseId}:${i}` : baseId,
      source,
      sourceFile,
    };
  });
}
