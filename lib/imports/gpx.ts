import { ImportFailure } from "./errors";
import type { SessionDraft } from "./session";
import { matchSport, type SportMapping } from "./sport";
import { parseInstant } from "./time";
import { trackStats, type TrackPoint } from "./track";
import type { ImportSource } from "./types";
import { parseNumber } from "./values";
import { asArray, asRecord, parseXml, rootElementName, text } from "./xml";

/** Heart rate from any of the extension schemas in use (Garmin TrackPointExtension v1/v2, Cluetrust gpxdata, plain <hr>). */
function heartRate(extensions: unknown): number | undefined {
  const ext = asRecord(extensions);
  const direct = parseNumber(text(ext.hr)) ?? parseNumber(text(ext.heartrate));
  if (direct !== undefined) return direct;
  for (const value of Object.values(ext)) {
    const nested = asRecord(Array.isArray(value) ? value[0] : value);
    const hr = parseNumber(text(nested.hr)) ?? parseNumber(text(nested.heartrate));
    if (hr !== undefined) return hr;
  }
  return undefined;
}

function toPoint(raw: unknown): TrackPoint {
  const p = asRecord(raw);
  return {
    lat: parseNumber(p["@_lat"]),
    lon: parseNumber(p["@_lon"]),
    ele: parseNumber(text(p.ele)),
    time: parseInstant(text(p.time)),
    hr: heartRate(p.extensions),
  };
}

/**
 * GPX has no standard sport field: <trk><type> is used by Strava and Garmin Connect ("running", "9"), some
 * devices only name the track ("Running"). A file that says nothing is taken as a run, as GPX files
 * uploaded to a running log nearly always are; a sport that is named but unknown maps to OTHER.
 */
function gpxSport(tracks: Record<string, unknown>[], metadataName: string | undefined): SportMapping {
  const typeText = tracks.map((t) => text(t.type)).find((t) => t && !/^\d+$/.test(t));
  if (typeText) return matchSport(typeText) ?? { type: "OTHER" };
  for (const candidate of [...tracks.map((t) => text(t.name)), metadataName]) {
    const m = matchSport(candidate);
    if (m) return m;
  }
  return { type: "RUN" };
}

/** One activity per file: every <trk> and <trkseg> in it belongs to the same recording. */
export function parseGpx(bytes: Uint8Array, sourceFile: string, source: ImportSource = "GPX"): SessionDraft[] {
  const doc = parseXml(bytes, "GPX");
  const root = rootElementName(doc);
  if (root !== "gpx") throw new ImportFailure(`This is not a GPX file (its root element is <${root ?? "none"}>, expected <gpx>)`);
  const gpx = asRecord(doc.gpx);
  const tracks = asArray(gpx.trk).map(asRecord);
  const segments = tracks.flatMap((t) => asArray(t.trkseg).map((s) => asArray(asRecord(s).trkpt).map(toPoint)));
  const pointCount = segments.reduce((n, s) => n + s.length, 0);
  if (pointCount === 0) {
    const waypoints = asArray(gpx.wpt).length;
    const routes = asArray(gpx.rte).length;
    // Counts as plain numbers, so that the message reads the same way in every language (see serverMessages).
    if (waypoints || routes) {
      throw new ImportFailure(`No track found in this GPX file: it holds only waypoints (${waypoints}) and planned routes (${routes}), not a recorded activity`);
    }
    throw new ImportFailure("No track found in this GPX file");
  }
  const stats = trackStats(segments);
  if (stats.startMs === undefined || stats.endMs === undefined) {
    throw new ImportFailure("This GPX track has no timestamps, so its date and duration are unknown");
  }
  if (stats.endMs <= stats.startMs) throw new ImportFailure("This GPX track lasts no time (all its points have the same timestamp)");
  const metadata = asRecord(gpx.metadata);
  const name = tracks.map((t) => text(t.name)).find(Boolean) ?? text(metadata.name);
  return [
    {
      sport: gpxSport(tracks, text(metadata.name)),
      sourceSport: tracks.map((t) => text(t.type)).find((t) => t && !/^\d+$/.test(t)),
      startMs: stats.startMs,
      durationS: (stats.endMs - stats.startMs) / 1000,
      movingS: stats.movingS,
      distanceM: stats.hasPositions ? stats.distanceM : undefined,
      elevationGainM: stats.elevationGainM,
      avgHr: stats.avgHr,
      source,
      name,
      sourceFile,
    },
  ];
}
