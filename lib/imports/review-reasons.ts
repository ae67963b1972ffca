import { REVIEW_REASON_TEXT, type ReviewReason } from "./plausibility";

const KEYS: Record<ReviewReason, string> = {
  "moving-over-day": "movingOverDay",
  "faster-than-record": "fasterThanRecord",
  "distance-without-time": "distanceWithoutTime",
};

/**
 * A stored review reason in the reader's language, through the `sessionTypes` translator of a page or
 * component; the stored code itself for a reason this version does not know.
 */
export function reviewReasonLabel(names: (key: string) => string, reason: string): string {
  const key = KEYS[reason as ReviewReason];
  if (!key) return REVIEW_REASON_TEXT[reason as ReviewReason] ?? reason;
  return names(`reviewReasons.${key}`);
}
