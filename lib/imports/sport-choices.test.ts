import { describe, expect, it } from "vitest";
import { applyChoice, choiceOf, keyOfSession, mappingOf, SPORT_CHOICES, sportTotals } from "./sport-choices";
import type { ParsedSession } from "./types";

const session = (over: Partial<ParsedSession>): ParsedSession => ({ date: "2024-06-01", type: "OTHER", durationMin: 60, ...over });

describe("sport choices", () => {
  it("every choice maps to a type and back", () => {
    for (const c of SPORT_CHOICES) {
      const m = mappingOf(c);
      if (c === "SKIP") expect(m).toBeNull();
      else expect(choiceOf(m!)).toBe(c);
    }
  });

  it("applying a choice sets type and mode and re-judges plausibility", () => {
    const ride = session({ type: "CROSS_TRAINING", subType: "CYCLING", durationMin: 30, distanceKm: 15, sourceSport: "E-Bike Ride" });
    const asRun = applyChoice(ride, "RUN");
    expect(asRun).toMatchObject({ type: "RUN", reviewReason: "faster-than-record" });
    expect(asRun.subType).toBeUndefined();
    const back = applyChoice(asRun, "CROSS_TRAINING:CYCLING");
    expect(back).toMatchObject({ type: "CROSS_TRAINING", subType: "CYCLING" });
    expect(back.reviewReason).toBeUndefined();
    expect(applyChoice(ride, "CROSS_TRAINING:CYCLING")).toBe(ride);
    expect(applyChoice(ride, "SKIP")).toBe(ride);
  });

  it("groups sports by their words, whatever the spelling", () => {
    expect(keyOfSession({ sourceSport: "Indoor_Cycling" })).toBe(keyOfSession({ sourceSport: "indoor cycling" }));
    expect(keyOfSession({})).toBe("");
  });

  it("totals count, km and moving minutes per sport, largest first", () => {
    const rows = [
      session({ sourceSport: "Walk", durationMin: 30, distanceKm: 2 }),
      session({ sourceSport: "Ride", durationMin: 600, movingMin: 90, distanceKm: 40.04 }),
      session({ sourceSport: "walk", durationMin: 60, distanceKm: 4.5 }),
      session({ durationMin: 45 }),
    ].map((s) => ({ session: s, defaultChoice: "OTHER" as const, choice: "OTHER" as const }));
    expect(sportTotals(rows)).toEqual([
      { key: "walk", label: "Walk", count: 2, km: 6.5, minutes: 90, defaultChoice: "OTHER", choice: "OTHER" },
      { key: "", label: "No sport named", count: 1, km: 0, minutes: 45, defaultChoice: "OTHER", choice: "OTHER" },
      { key: "ride", label: "Ride", count: 1, km: 40, minutes: 90, defaultChoice: "OTHER", choice: "OTHER" },
    ]);
  });
});
