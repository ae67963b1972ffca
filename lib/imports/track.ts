// Summary figures computed from recorded points, for files that carry no summary of their own (GPX) or
// lack a field (TCX elevation, FIT without a session message).

export interface TrackPoint {
  lat?: number;
  lon?: number;
  /** Metres above sea level. */
  ele?: number;
  /** Epoch milliseconds. */
  time?: number;
  hr?: number;
}

export interface TrackStats {
  pointCount: number;
  startMs?: number;
  endMs?: number;
  distanceM: number;
  hasPositions: boolean;
  movingS?: number;
  elevationGainM?: number;
  avgHr?: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
/** Slower than this over a window counts as standing still (1.8 km/h: well under any walking pace). */
export const MOVING_SPEED_MS = 0.5;
/** Speed is judged over windows of at least this many seconds so that 1 s GPS jitter does not count as motion. */
export const MOVING_WINDOW_S = 10;
/** Climbs smaller than this, net of dips, are altimeter or GPS noise. */
export const ELEVATION_NOISE_M = 3;

export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

const hasPos = (p: TrackPoint): p is TrackPoint & { lat: number; lon: number } =>
  p.lat !== undefined && p.lon !== undefined && Number.isFinite(p.lat) && Number.isFinite(p.lon);

/** A change faster than this plus the allowance below is a glitch (a lost fix, an invalid sample), not terrain. */
const MAX_VERTICAL_SPEED_MS = 3;
const VERTICAL_ALLOWANCE_M = 10;
/** After this many glitches in a row the new level is believed: the first sample was the bad one. */
const MAX_GLITCH_RUN = 10;

export interface ElevationSample {
  ele: number;
  /** Epoch ms; without it the sample is never taken for a glitch. */
  time?: number;
}

/**
 * Ascent with hysteresis: a rise counts only once it exceeds the noise threshold above the lowest point
 * since the last counted rise, so jitter around a flat road adds nothing while a real climb counts in full.
 * Samples that jump faster than anyone climbs are dropped first; one bad altitude (a device writing 0 or a
 * stale value) would otherwise add its whole jump.
 */
export function elevationGain(samples: ElevationSample[], threshold = ELEVATION_NOISE_M): number {
  if (samples.length < 2) return 0;
  let gain = 0;
  let last = samples[0];
  let ref = last.ele;
  let glitches = 0;
  for (let i = 1; i < samples.length; i++) {
    const s = samples[i];
    // Without timestamps a jump cannot be judged against time, so every sample is believed.
    const dt = s.time !== undefined && last.time !== undefined ? Math.max(1, (s.time - last.time) / 1000) : Infinity;
    if (Math.abs(s.ele - last.ele) > VERTICAL_ALLOWANCE_M + MAX_VERTICAL_SPEED_MS * dt && glitches < MAX_GLITCH_RUN) {
      glitches++;
      continue;
    }
    if (glitches >= MAX_GLITCH_RUN) ref = s.ele;
    glitches = 0;
    last = s;
    if (s.ele < ref) ref = s.ele;
    else if (s.ele - ref >= threshold) {
      gain += s.ele - ref;
      ref = s.ele;
    }
  }
  return gain;
}

/**
 * Distance, moving time and ascent are summed within each segment only: the jump between two segments
 * (a paused watch carried in a car, a lost signal) is not part of the activity.
 */
export function trackStats(segments: TrackPoint[][]): TrackStats {
  let pointCount = 0;
  let startMs: number | undefined;
  let endMs: number | undefined;
  let distanceM = 0;
  let hasPositions = false;
  let movingS = 0;
  let timedPairs = 0;
  let gain = 0;
  let hasEle = false;
  let hrSum = 0;
  let hrCount = 0;

  type Timed = TrackPoint & { lat: number; lon: number; time: number };
  const closeWindow = (from: Timed, to: Timed) => {
    const dt = (to.time - from.time) / 1000;
    timedPairs++;
    // Net displacement, not path length, so back-and-forth jitter inside the window cancels out.
    if (haversineM(from.lat, from.lon, to.lat, to.lon) / dt >= MOVING_SPEED_MS) movingS += dt;
  };

  for (const seg of segments) {
    pointCount += seg.length;
    let prev: (TrackPoint & { lat: number; lon: number }) | undefined;
    let anchor: Timed | undefined;
    let last: Timed | undefined;
    const eles: ElevationSample[] = [];
    for (const p of seg) {
      if (p.time !== undefined) {
        if (startMs === undefined || p.time < startMs) startMs = p.time;
        if (endMs === undefined || p.time > endMs) endMs = p.time;
      }
      if (p.hr !== undefined && p.hr > 0) {
        hrSum += p.hr;
        hrCount++;
      }
      if (p.ele !== undefined && Number.isFinite(p.ele)) eles.push({ ele: p.ele, time: p.time });
      if (!hasPos(p)) continue;
      hasPositions = true;
      if (prev) {
        distanceM += haversineM(prev.lat, prev.lon, p.lat, p.lon);
      }
      prev = p;
      if (p.time === undefined) continue;
      if (!anchor) {
        anchor = p as Timed;
        continue;
      }
      last = p as Timed;
      if ((p.time - anchor.time) / 1000 >= MOVING_WINDOW_S) {
        closeWindow(anchor, last);
        anchor = last;
      }
    }
    // The last partial window of the segment.
    if (anchor && last && last.time > anchor.time) closeWindow(anchor, last);
    if (eles.length > 1) {
      hasEle = true;
      gain += elevationGain(eles);
    }
  }

  return {
    pointCount,
    startMs,
    endMs,
    distanceM,
    hasPositions,
    movingS: timedPairs > 0 ? movingS : undefined,
    elevationGainM: hasEle ? gain : undefined,
    avgHr: hrCount > 0 ? hrSum / hrCount : undefined,
  };
}
