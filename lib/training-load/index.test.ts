import { describe, expect, it } from "vitest";
import * as engine from "./index";
import { FLAG_IDS } from "./types";

describe("public API", () => {
  it("exports the engine functions", () => {
    for (const name of [
      "computeDailyMetrics",
      "sessionLoad",
      "detectSessionSpikes",
      "weeklyDistanceChange",
      "scoreOstrc",
      "evaluateFlags",
      "suggestSessions",
      "projectPlan",
      "parseThresholdOverrides",
      "resolveThresholds",
      "visceralSourcesFor",
      "possibleSourcesFor",
      "isSessionSuggestion",
      "suggestionToPlannedSession",
      "deloadCapKm",
      "evaluateFlagsOn",
    ]) {
      expect(typeof (engine as Record<string, unknown>)[name]).toBe("function");
    }
    expect(engine.EngineInputError.prototype).toBeInstanceOf(Error);
    expect(engine.ThresholdOverrideError.prototype).toBeInstanceOf(engine.EngineInputError);
  });
});

describe("citations", () => {
  it("lists every reference of the domain with a strength", () => {
    const shorts = engine.CITATION_LIST.map((c) => c.short).join(" | ");
    for (const name of [
      "Foster 1998",
      "Foster 2001",
      "Gabbett 2016",
      "Williams 2017",
      "Windt & Gabbett 2019",
      "Lolli 2019",
      "Impellizzeri 2020",
      "Impellizzeri 2021",
      "Frandsen 2025",
      "Nielsen 2014",
      "Buist 2008",
      "Clarsen 2013",
      "Farrar 2001",
      "Lauersen 2014",
      "Steffens 2016",
      "Owen 2020",
      "Knutson 2005",
      "Finucane 2020",
      "NICE NG59",
    ]) {
      expect(shorts).toContain(name);
    }
    for (const c of engine.CITATION_LIST) {
      expect(["strong", "moderate", "weak", "consensus", "expert-opinion"]).toContain(c.strength);
      expect(c.text.length).toBeGreaterThan(30);
      expect(engine.CITATIONS[c.id]).toBe(c);
    }
    expect(engine.CITATIONS["frandsen-2025"].text).toContain("10.1136/bjsports-2024-109380");
  });

  it("gives every flag evidence that points at known citations", () => {
    for (const id of FLAG_IDS) {
      const e = engine.FLAG_EVIDENCE[id];
      expect(e.citationIds.length).toBeGreaterThan(0);
      for (const c of e.citationIds) expect(engine.CITATIONS[c]).toBeDefined();
    }
    expect(engine.FLAG_EVIDENCE["session-spike"].strength).toBe("moderate");
    expect(engine.FLAG_EVIDENCE["weekly-distance-increase"].strength).toBe("weak");
    expect(engine.FLAG_EVIDENCE["acwr-high"].strength).toBe("weak");
    expect(engine.FLAG_EVIDENCE["acwr-high"].citationIds).toContain("impellizzeri-2020");
    expect(engine.FLAG_EVIDENCE["monotony-high"].strength).toBe("moderate");
    expect(engine.FLAG_EVIDENCE["weekly-distance-increase"].citationIds).toContain("frandsen-2025");
    expect(engine.FLAG_EVIDENCE["return-to-run"].citationIds).toContain("silbernagel-2007");
    expect(engine.CITATIONS["lauersen-2014"].note).toContain("in general");
    expect(engine.CITATIONS["williams-2017"].note).not.toMatch(/average/i);
  });
});

describe("red-flag symptoms and the visceral map", () => {
  it("has the 11 symptom ids, 4 of them emergencies", () => {
    expect(engine.RED_FLAG_SYMPTOMS.map((s) => s.id)).toEqual([
      "night-pain",
      "weight-loss",
      "fever",
      "cancer-history",
      "trauma",
      "bladder-bowel",
      "saddle-numbness",
      "leg-weakness",
      "chest-pain",
      "digestive",
      "non-mechanical",
    ]);
    expect(engine.RED_FLAG_SYMPTOMS.filter((s) => s.emergency).map((s) => s.id)).toEqual([
      "bladder-bowel",
      "saddle-numbness",
      "leg-weakness",
      "chest-pain",
    ]);
    for (const s of engine.RED_FLAG_SYMPTOMS) {
      expect(s.question.endsWith("?")).toBe(true);
      // "ever" for a history of cancer, "now" for the rest.
      expect(s.question).toMatch(s.id === "cancer-history" ? /\bever\b/ : /\bnow\b/);
    }
  });

  it("maps zones and sub-areas to organs", () => {
    const organs = (zone: "cervical" | "dorsal" | "lumbar", sub?: string) => engine.visceralSourcesFor(zone, sub).map((s) => s.organ);
    expect(organs("cervical", "nape")).toEqual(["stomach", "liver"]);
    expect(organs("cervical", "neck-left")).toEqual(["stomach"]);
    expect(organs("dorsal", "between-shoulder-blades")).toEqual(["stomach", "esophagus", "lungs"]);
    expect(organs("dorsal", "shoulder-blade-right")).toEqual(["stomach", "heart", "lungs"]);
    expect(organs("dorsal", "mid-back")).toEqual(["stomach", "lungs", "pancreas"]);
    expect(organs("lumbar", "sacrum-buttocks")).toEqual(["small intestine", "kidneys"]);
    expect(organs("lumbar", "lumbosacral")).toEqual(["large intestine", "bladder", "kidneys"]);
    expect(organs("lumbar", "lower-back-centre")).toEqual(["kidneys", "pancreas"]);
    expect(organs("lumbar")).toEqual(["small intestine", "large intestine", "bladder", "kidneys", "pancreas"]);
    expect(organs("lumbar", "unknown-place")).toEqual(organs("lumbar"));
    expect(engine.VISCERAL_MAP["lumbar/lumbosacral"]).toEqual(["large intestine", "bladder", "kidneys"]);
    expect(engine.VISCERAL_MAP.cervical).toEqual(["stomach", "liver"]);
    expect(engine.BACK_SUB_AREAS.lumbar.map((s) => s.id)).toContain("flanks");
  });
});
