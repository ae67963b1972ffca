import { describe, expect, it } from "vitest";
import { covers, reviewOf, withReviews, REVIEW_COVER_DAYS, type FlagReview } from "./coverage";
import { FLAG_IDS, type Flag } from "@/lib/training-load";

const review = (flagId: string, flagDate: string, status: FlagReview["status"], at: string, note: string | null = null): FlagReview => ({
  id: `${flagId}-${at}`,
  flagId,
  flagDate,
  status,
  note,
  by: "Coach",
  at,
});
const flag = (id: Flag["id"], date: string, severity: Flag["severity"] = "caution"): Flag => ({
  id,
  date,
  severity,
  values: {},
  explanation: [{ code: "test", params: {} }],
  evidence: { strength: "weak", citation: "", citationIds: [] },
});

describe("flag review coverage", () => {
  it("has a cover for every flag", () => {
    for (const id of FLAG_IDS) expect(REVIEW_COVER_DAYS[id]).toBeGreaterThanOrEqual(0);
  });

  it("covers an overload episode for the week after the reviewed day, not a later one", () => {
    const r = review("acwr-high", "2026-11-10", "ACKNOWLEDGED", "2026-11-10T08:00:00Z");
    expect(covers(r, flag("acwr-high", "2026-11-10"))).toBe(true);
    expect(covers(r, flag("acwr-high", "2026-11-16"))).toBe(true);
    expect(covers(r, flag("acwr-high", "2026-11-17"))).toBe(false);
    expect(covers(r, flag("acwr-high", "2026-11-09"))).toBe(false);
    expect(covers(r, flag("monotony-high", "2026-11-10"))).toBe(false);
  });

  it("never lets a review of one report cover a new report", () => {
    const r = review("red-flag", "2026-11-10", "RESOLVED", "2026-11-11T08:00:00Z", "Seen by GP");
    expect(covers(r, flag("red-flag", "2026-11-10", "referral"))).toBe(true);
    expect(covers(r, flag("red-flag", "2026-11-11", "referral"))).toBe(false);
    expect(covers(review("back-pain-rising", "2026-11-10", "ACKNOWLEDGED", "x"), flag("back-pain-rising", "2026-11-12"))).toBe(false);
  });

  it("covers a standing flag for two weeks", () => {
    const r = review("compensatory-deficit", "2026-11-10", "ACKNOWLEDGED", "2026-11-10T08:00:00Z");
    expect(covers(r, flag("compensatory-deficit", "2026-11-23"))).toBe(true);
    expect(covers(r, flag("compensatory-deficit", "2026-11-24"))).toBe(false);
  });

  it("takes the latest review that speaks for the flag, and leaves resolved flags out of the open ones", () => {
    const reviews = [
      review("acwr-high", "2026-11-10", "ACKNOWLEDGED", "2026-11-10T08:00:00Z", "watching"),
      review("acwr-high", "2026-11-11", "RESOLVED", "2026-11-12T08:00:00Z", "deload planned"),
      review("acwr-high", "2026-11-01", "RESOLVED", "2026-11-13T08:00:00Z", "older episode"),
    ];
    expect(reviewOf(flag("acwr-high", "2026-11-12"), reviews)?.note).toBe("deload planned");
    const { all, open } = withReviews([flag("acwr-high", "2026-11-12"), flag("session-spike", "2026-11-12", "warning")], reviews);
    expect(all.map((f) => f.review?.status ?? null)).toEqual(["RESOLVED", null]);
    expect(open.map((f) => f.id)).toEqual(["session-spike"]);
  });
});
