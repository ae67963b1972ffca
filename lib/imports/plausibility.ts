import type { ParsedSession } from "./types";

/**
 * Why an imported activity's figures need a look before they count. Such a session is stored, shown
 * with its reason, and left out of load until the athlete confirms or edits it.
 */
export type ReviewReason = "moving-over-day" | "faster-than-record" | "distance-without-time";

export const REVIEW_REASON_TEXT: Record<ReviewReason, string> = {
  "moving-over-day": "Moving time over 24 hours",
  "faster-than-record": "Faster than the world record for its distance",
  "distance-without-time": "A distance with no time",
};

/** The reason's words, or the stored code itself for a reason this version does not know. */
export const reviewReasonText = (reason: string): string => REVIEW_REASON_TEXT[reason as ReviewReason] ?? reason;

/**
 * Men's outdoor world records (metres, seconds), the fastest any person has covered each distance:
 * 100 m 9.58, 200 m 19.19, 400 m 43.03, 800 m 1:40.91, 1000 m 2:11.96, 1500 m 3:26.00, mile 3:43.13,
 * 2000 m 4:43.13, 3000 m 7:17.55, 5000 m 12:35.36, 10,000 m 26:11.00, half marathon 56:42, marathon
 * 2:00:35, 100 km 6:05:35, 24 hours 319.614 km (World Athletics record lists).
 */
const RECORDS: readonly (readonly [metres: number, seconds: number])[] = [
  [100, 9.58],
  [200, 19.19],
  [400, 43.03],
  [800, 100.91],
  [1000, 131.96],
  [1500, 206.0],
  [1609.344, 223.13],
  [2000, 283.13],
  [3000, 437.55],
  [5000, 755.36],
  [10000, 1571.0],
  [21097.5, 3402],
  [42195, 7235],
  [100000, 21935],
  [319614, 86400],
];

/**
 * The world-record time for a distance, in seconds: the listed records, log-log interpolated between
 * them (record times grow as a power of distance between neighbouring records); below 100 m at the
 * 100 m record's speed and beyond 24 hours' distance at that record's speed, so both ends stay bounds
 * no human beats.
 */
export function worldRecordSeconds(metres: number): number {
  if (!(metres > 0)) return 0;
  const first = RECORDS[0];
  const last = RECORDS[RECORDS.length - 1];
  if (metres <= first[0]) return (metres * first[1]) / first[0];
  if (metres >= last[0]) return (metres * last[1]) / last[0];
  let i = 1;
  while (RECORDS[i][0] < metres) i++;
  const [d0, t0] = RECORDS[i - 1];
  const [d1, t1] = RECORDS[i];
  const k = Math.log(t1 / t0) / Math.log(d1 / d0);
  return t0 * Math.pow(metres / d0, k);
}

/** Minutes a session counts for in load: its moving time when the source recorded one, else its duration. */
export const loadMinutesOf = (s: { durationMin: number; movingMin?: number | null }): number => s.movingMin ?? s.durationMin;

const DAY_MIN = 24 * 60;

/** Why an activity's figures cannot be right as they stand, or undefined when they are plausible. */
export function reviewReasonOf(s: Pick<ParsedSession, "type" | "durationMin" | "movingMin" | "distanceKm">): ReviewReason | undefined {
  const minutes = loadMinutesOf(s);
  const km = s.distanceKm ?? 0;
  if (km > 0 && !(minutes > 0)) return "distance-without-time";
  if (minutes > DAY_MIN) return "moving-over-day";
  if (s.type === "RUN" && km > 0 && minutes * 60 < worldRecordSeconds(km * 1000)) return "faster-than-record";
  return undefined;
}
