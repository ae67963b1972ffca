import { addDays, type Flag, type FlagId } from "@/lib/training-load";

export type FlagReview = {
  id: string;
  flagId: string;
  /** The date the reviewed flag carried. */
  flagDate: string;
  status: "ACKNOWLEDGED" | "RESOLVED";
  note: string | null;
  by: string;
  /** ISO instant. */
  at: string;
};

/**
 * How many days after the reviewed flag's date a review still speaks for the same flag. A flag's date
 * moves when new data carries it again; whether that is the same episode depends on the rule:
 * - Red flags and pain flags (severe pain included) are dated by the report behind them: a new report is
 *   new information and must reach the coach, so a review covers only the report it was made on (0 days).
 * - The return to running is dated by its start (a clearance, or the first run after a break), or by the
 *   latest run beyond its step: such a run, or a new start, is new information (0 days).
 * - Overload rules are dated by the latest day that carried them and stay active 7 days after it: a
 *   review covers the episode through that week (6 days).
 * - Flags dated by the day they are judged (too little core work, and the profile flags) hold for as
 *   long as their cause does: a review covers two weeks, the window of the core-work rule, after which
 *   the coach is asked again.
 * - Shoe wear is dated by the day the shoe passed the limit, or by the day judged when it passed before
 *   the history read: two weeks, like the standing flags. A surface change is dated by the latest run on
 *   the new surface, an episode of a week like the overload rules.
 * - A wellness drop is dated by the latest day of its run of bad check-ins and stays active 2 days after
 *   it: a review covers that episode (2 days); a new run of bad days later is new information.
 */
export const REVIEW_COVER_DAYS: Record<FlagId, number> = {
  "red-flag": 0,
  "back-pain-rising": 0,
  "severe-back-pain": 0,
  "return-to-run": 0,
  "pain-after-overload": 0,
  "session-spike": 6,
  "weekly-distance-increase": 6,
  "acwr-high": 6,
  "monotony-high": 6,
  "surface-change": 6,
  "shoe-mileage": 13,
  "compensatory-deficit": 13,
  "leg-length-discrepancy": 13,
  "footprint-unassessed": 13,
  "posture-load": 13,
  "masters-athlete": 13,
  "wellness-drop": 2,
};

/** Whether `review` speaks for `flag`: same rule, and the flag's date within the review's cover. */
export function covers(review: Pick<FlagReview, "flagId" | "flagDate">, flag: Pick<Flag, "id" | "date">): boolean {
  if (review.flagId !== flag.id) return false;
  const cover = REVIEW_COVER_DAYS[flag.id] ?? 0;
  return flag.date >= review.flagDate && flag.date <= addDays(review.flagDate, cover);
}

/** The latest review that speaks for `flag`, or null; `reviews` in any order. */
export function reviewOf(flag: Pick<Flag, "id" | "date">, reviews: readonly FlagReview[]): FlagReview | null {
  let latest: FlagReview | null = null;
  for (const r of reviews) if (covers(r, flag) && (latest === null || r.at > latest.at)) latest = r;
  return latest;
}

export type ReviewedFlag = Flag & { review: FlagReview | null };

/**
 * Flags that a note can never close: a referral ends only with a recorded clearance, which the engine
 * reads. (Referrals resolved with a note before clearances existed stay in the history, and open.)
 */
export const CLOSED_BY_CLEARANCE_ONLY: ReadonlySet<FlagId> = new Set<FlagId>(["red-flag"]);

/** Flags with their review; resolved ones are no longer open. */
export function withReviews(flags: readonly Flag[], reviews: readonly FlagReview[]): { all: ReviewedFlag[]; open: ReviewedFlag[] } {
  const all = flags.map((f) => ({ ...f, review: reviewOf(f, reviews) }));
  return { all, open: all.filter((f) => f.review?.status !== "RESOLVED" || CLOSED_BY_CLEARANCE_ONLY.has(f.id)) };
}

/**
 * Today's flags are dated at most 14 days back, except shoe wear (the day the shoe passed the limit):
 * reviews of older flags can matter only for that rule.
 */
export const REVIEW_LOOKBACK_DAYS = 30;
export const LONG_DATED_FLAGS: FlagId[] = ["shoe-mileage"];
