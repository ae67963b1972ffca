import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  atLeast,
  deloadCapKm,
  DEFAULT_THRESHOLDS,
  exceeds,
  parseThresholdOverrides,
  resolveThresholds,
  THRESHOLD_LIMITS,
  thresholdOverridesSchema,
} from "./thresholds";
import { EngineInputError, ThresholdOverrideError } from "./errors";

describe("threshold defaults", () => {
  it("are the domain reference's", () => {
    expect(DEFAULT_THRESHOLDS).toMatchObject({
      loadMeasure: "srpe",
      spikeCaution: 0.1,
      spikeWarning: 0.3,
      weeklyIncrease: 0.3,
      weeklyMinBaselineKm: 10,
      acwrHigh: 1.5,
      monotonyHigh: 2,
      painNrsHigh: 4,
      painNrsRise: 2,
      painAfterOverloadNrs: 3,
      compensatoryMinRuns: 3,
      compensatoryMinSessions: 2,
      shoeKm: 700,
      surfaceNewShare: 0.5,
      surfacePriorShare: 0.1,
      legLengthMm: 10,
      mastersAge: 40,
    });
  });

  it("each default is inside its accepted range", () => {
    for (const [key, { min, max }] of Object.entries(THRESHOLD_LIMITS)) {
      const v = DEFAULT_THRESHOLDS[key as keyof typeof THRESHOLD_LIMITS];
      expect(v).toBeGreaterThanOrEqual(min);
      expect(v).toBeLessThanOrEqual(max);
    }
    expect(() => parseThresholdOverrides({ ...DEFAULT_THRESHOLDS })).not.toThrow();
  });
});

describe("pain thresholds a coach may set", () => {
  it("stop at 6/10 for high pain and 3 points for a rise", () => {
    expect(THRESHOLD_LIMITS.painNrsHigh.max).toBe(6);
    expect(THRESHOLD_LIMITS.painNrsRise.max).toBe(3);
    expect(parseThresholdOverrides({ painNrsHigh: 6, painNrsRise: 3 })).toEqual({ painNrsHigh: 6, painNrsRise: 3 });
    expect(() => resolveThresholds({ painNrsHigh: 4 }, { painNrsHigh: 7 })).toThrow(expect.objectContaining({ field: "painNrsHigh" }));
  });
});

describe("deloadCapKm", () => {
  it("is 1.1 x the baseline rounded down to 0.1 km: 12 km -> 13.2 km", () => {
    expect(deloadCapKm(12)).toBe(13.2);
    expect(deloadCapKm(9.99)).toBe(10.9);
    expect(deloadCapKm(10)).toBe(11);
    expect(deloadCapKm(0.05)).toBe(0.05);
  });

  it("never exceeds 1.1 x the baseline and loses less than 0.1 km (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 500, noNaN: true }), (baseline) => {
        const cap = deloadCapKm(baseline);
        expect(cap).toBeLessThanOrEqual(1.1 * baseline + 1e-9);
        expect(cap).toBeGreaterThan(1.1 * baseline - 0.1);
        expect(Math.round(cap * 10) / 10).toBeCloseTo(cap, 9);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseThresholdOverrides", () => {
  it("accepts a partial override and drops nothing else", () => {
    expect(parseThresholdOverrides({ acwrHigh: 1.3, loadMeasure: "km" })).toEqual({ acwrHigh: 1.3, loadMeasure: "km" });
    expect(parseThresholdOverrides({})).toEqual({});
    expect(parseThresholdOverrides(null)).toEqual({});
    expect(parseThresholdOverrides(undefined)).toEqual({});
  });

  it.each([
    [{ acwrHigh: 0.9 }, "acwrHigh"],
    [{ acwrHigh: 3.01 }, "acwrHigh"],
    [{ monotonyHigh: 5.5 }, "monotonyHigh"],
    [{ spikeCaution: 0.01 }, "spikeCaution"],
    [{ weeklyIncrease: 2.5 }, "weeklyIncrease"],
    [{ weeklyMinBaselineKm: -1 }, "weeklyMinBaselineKm"],
    [{ compensatoryMinRuns: 2.5 }, "compensatoryMinRuns"],
    [{ shoeKm: 100 }, "shoeKm"],
    [{ legLengthMm: 50 }, "legLengthMm"],
    [{ mastersAge: 25 }, "mastersAge"],
    [{ surfacePriorShare: 1.2 }, "surfacePriorShare"],
    [{ acwrHigh: "1.5" }, "acwrHigh"],
    [{ acwrHigh: NaN }, "acwrHigh"],
    [{ acwrHigh: Infinity }, "acwrHigh"],
    [{ loadMeasure: "miles" }, "loadMeasure"],
    [{ acwrHi: 1.5 }, "acwrHi"],
    [{ painNrsHigh: 6.5 }, "painNrsHigh"],
    [{ painNrsHigh: 8 }, "painNrsHigh"],
    [{ painNrsRise: 3.5 }, "painNrsRise"],
  ])("rejects %j naming the field", (input, field) => {
    expect(() => parseThresholdOverrides(input)).toThrow(ThresholdOverrideError);
    try {
      parseThresholdOverrides(input);
    } catch (e) {
      expect(e).toBeInstanceOf(EngineInputError);
      expect((e as ThresholdOverrideError).field).toBe(field);
      expect((e as ThresholdOverrideError).issues.map((i) => i.field)).toContain(field);
      expect((e as Error).message).toContain(field);
    }
  });

  it("lists every offending field", () => {
    try {
      parseThresholdOverrides({ acwrHigh: 9, shoeKm: 1, extra: true });
      expect.unreachable();
    } catch (e) {
      expect((e as ThresholdOverrideError).issues.map((i) => i.field).sort()).toEqual(["acwrHigh", "extra", "shoeKm"]);
    }
  });

  it("rejects a non-object", () => {
    expect(() => parseThresholdOverrides(5)).toThrow(ThresholdOverrideError);
    expect(() => parseThresholdOverrides([1])).toThrow(ThresholdOverrideError);
  });

  it("exposes the schema for stored overrides", () => {
    expect(thresholdOverridesSchema.safeParse({ monotonyHigh: 2.5 }).success).toBe(true);
    expect(thresholdOverridesSchema.safeParse({ monotonyHigh: 0.5 }).success).toBe(false);
  });
});

describe("resolveThresholds", () => {
  it("applies squad then athlete overrides over the defaults", () => {
    const t = resolveThresholds({ acwrHigh: 1.4, shoeKm: 800 }, { acwrHigh: 1.3 });
    expect(t.acwrHigh).toBe(1.3);
    expect(t.shoeKm).toBe(800);
    expect(t.monotonyHigh).toBe(2);
    expect(resolveThresholds(undefined, null)).toEqual(DEFAULT_THRESHOLDS);
  });

  it("rejects a warning spike threshold below the caution one", () => {
    expect(() => resolveThresholds({ spikeCaution: 0.4 })).toThrow(expect.objectContaining({ field: "spikeWarning" }));
    expect(resolveThresholds({ spikeCaution: 0.4, spikeWarning: 0.5 }).spikeWarning).toBe(0.5);
  });

  it("does not mutate the defaults", () => {
    resolveThresholds({ acwrHigh: 2 });
    expect(DEFAULT_THRESHOLDS.acwrHigh).toBe(1.5);
    expect(Object.isFrozen(DEFAULT_THRESHOLDS)).toBe(true);
  });
});

describe("threshold comparisons", () => {
  it("ignore binary rounding of decimal inputs", () => {
    expect(13 / 10 - 1 > 0.3).toBe(true);
    expect(exceeds(13 / 10 - 1, 0.3)).toBe(false);
    expect(exceeds(0.3001, 0.3)).toBe(true);
    expect(atLeast(0.1 + 0.2, 0.3)).toBe(true);
    expect(atLeast(1.4999, 1.5)).toBe(false);
  });
});
