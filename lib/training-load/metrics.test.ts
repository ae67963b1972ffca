import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeDailyMetrics, computeSeries, sessionLoad, seriesToDailyMetrics } from "./metrics";
import { addDays, daysBetween, parseDay } from "./dates";
import { EngineInputError } from "./errors";
import { close, entriesFrom, METRIC_FIELDS, referenceMetrics } from "./test-helpers";
import type { DailyMetrics, EngineSession } from "./types";

const START = "2025-01-01";

function loadsOf(n: number, f: (i: number) => number): number[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

function expectSameMetrics(actual: DailyMetrics[], expected: DailyMetrics[], tol = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(actual[i].date).toBe(expected[i].date);
    for (const f of METRIC_FIELDS) {
      if (!close(actual[i][f], expected[i][f], tol)) {
        throw new Error(`day ${i} ${f}: ${actual[i][f]} vs ${expected[i][f]}`);
      }
    }
  }
}

describe("computeDailyMetrics: known answers", () => {
  it("21 days of 30 then 7 days of 50", () => {
    const m = computeDailyMetrics(entriesFrom(START, loadsOf(28, (i) => (i < 21 ? 30 : 50))));
    expect(m).toHaveLength(28);
    const d = m[27];
    expect(d.date).toBe("2025-01-28");
    expect(d.acuteLoad7).toBe(50);
    expect(d.chronicLoad28).toBe(35);
    expect(d.acwrRolling).toBeCloseTo(1.4286, 4);
    expect(d.acwrRollingUncoupled).toBeCloseTo(1.6667, 4);
    expect(d.acwrEwma).toBeCloseTo(1.2497, 4);
    expect(d.fitness).toBeCloseTo(17.83, 2);
    expect(d.fatigue).toBeCloseTo(42.8, 2);
    // A week of identical loads has SD 0: no monotony, no strain.
    expect(d.monotony).toBeNull();
    expect(d.strain).toBeNull();
  });

  it("week [5, 15, 20, 20, 20, 25, 35]", () => {
    const m = computeDailyMetrics(entriesFrom(START, [5, 15, 20, 20, 20, 25, 35]));
    expect(m).toHaveLength(7);
    expect(m[6].monotony).toBeCloseTo(2.3664, 4);
    expect(m[6].strain).toBeCloseTo(331.3, 2);
    expect(m[6].acuteLoad7).toBe(20);
    for (let i = 0; i < 6; i++) {
      expect(m[i].monotony).toBeNull();
      expect(m[i].strain).toBeNull();
      expect(m[i].acuteLoad7).toBeNull();
    }
  });

  it("follows the null rules of the contract on the first days", () => {
    const m = computeDailyMetrics(entriesFrom(START, loadsOf(40, (i) => 10 + (i % 3))));
    m.forEach((d, i) => {
      expect(d.acuteLoad7 === null).toBe(i < 6);
      expect(d.chronicLoad28 === null).toBe(i < 27);
      expect(d.acwrRolling === null).toBe(i < 27);
      expect(d.acwrRollingUncoupled === null).toBe(i < 27);
      expect(d.acwrEwma === null).toBe(i < 27);
      expect(d.rampRate === null).toBe(i < 7);
      expect(d.ewmaAcute).not.toBeNull();
      expect(d.fitness).not.toBeNull();
    });
    expect(m[0].ewmaAcute).toBe(10);
    expect(m[0].ewmaChronic).toBe(10);
    expect(m[0].form).toBe(0);
    expect(m[1].form).toBeCloseTo(m[0].fitness - m[0].fatigue, 12);
    expect(m[10].rampRate).toBeCloseTo(m[10].fitness - m[3].fitness, 12);
  });

  it("makes ratios null when the denominator is 0", () => {
    // 28 rest days inside the range, then a load: every chronic window of day 27.. is empty until it arrives.
    const entries = [
      { date: START, load: 0 },
      { date: addDays(START, 40), load: 100 },
    ];
    const m = computeDailyMetrics(entries);
    expect(m).toHaveLength(41);
    expect(m[39].chronicLoad28).toBe(0);
    expect(m[39].acwrRolling).toBeNull();
    expect(m[39].acwrRollingUncoupled).toBeNull();
    expect(m[39].acwrEwma).toBeNull();
    expect(m[39].monotony).toBeNull();
    expect(m[40].acwrRolling).toBeCloseTo(4, 12);
    expect(m[40].acwrRollingUncoupled).toBeNull();
    expect(m[40].acwrEwma).toBeCloseTo(0.25 / (2 / 29), 12);
  });

  it("gives no monotony for a week of identical decimal loads (SD exactly 0, not a rounding residue)", () => {
    for (const x of [0.1, 33.3, 1e-7, 123456.789]) {
      const m = computeDailyMetrics(entriesFrom(START, loadsOf(9, () => x)));
      expect(m[6].monotony).toBeNull();
      expect(m[8].monotony).toBeNull();
      expect(m[8].strain).toBeNull();
    }
    const nearly = computeDailyMetrics(entriesFrom(START, [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1000001]));
    expect(nearly[6].monotony).toBeCloseTo(0.1 / (Math.sqrt(6) * 1e-7 / 7), -2);
  });

  it("returns exact zeros after a window empties, whatever the decimals before", () => {
    const loads = [0.1, 0.2, 0.3, 0.7, 1.1, 0.05, 0.35, ...loadsOf(40, () => 0)];
    const m = computeDailyMetrics(entriesFrom(START, loads).concat({ date: addDays(START, loads.length - 1), load: 0 }));
    const last = m[m.length - 1];
    expect(last.acuteLoad7).toBe(0);
    expect(last.chronicLoad28).toBe(0);
    expect(last.acwrRolling).toBeNull();
    expect(last.monotony).toBeNull();
  });
});

describe("computeDailyMetrics: series shape", () => {
  it("fills gaps with 0, sums several entries a day and accepts any order", () => {
    const entries = [
      { date: "2025-01-05", load: 40 },
      { date: "2025-01-01", load: 10 },
      { date: "2025-01-05", load: 60 },
      { date: "2025-01-03", load: 0 },
    ];
    const m = computeDailyMetrics(entries);
    expect(m.map((d) => d.date)).toEqual(["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05"]);
    expect(m.map((d) => d.load)).toEqual([10, 0, 0, 0, 100]);
  });

  it("extends to `to` with zero days, and stops there", () => {
    const m = computeDailyMetrics([{ date: "2025-01-01", load: 10 }], { to: "2025-01-10" });
    expect(m).toHaveLength(10);
    expect(m[9]).toMatchObject({ date: "2025-01-10", load: 0 });
    const cut = computeDailyMetrics(
      [
        { date: "2025-01-01", load: 10 },
        { date: "2025-01-20", load: 99 },
      ],
      { to: "2025-01-05" },
    );
    expect(cut).toHaveLength(5);
    expect(cut.every((d) => d.load !== 99)).toBe(true);
    expect(computeDailyMetrics([{ date: "2025-02-01", load: 1 }], { to: "2025-01-05" })).toEqual([]);
    expect(computeDailyMetrics([])).toEqual([]);
  });

  it("is continuous across a leap day and a year end", () => {
    const leap = computeDailyMetrics([
      { date: "2024-02-28", load: 1 },
      { date: "2024-03-01", load: 1 },
    ]);
    expect(leap.map((d) => d.date)).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
    const ye = computeDailyMetrics([
      { date: "2024-12-30", load: 1 },
      { date: "2025-01-02", load: 1 },
    ]);
    expect(ye.map((d) => d.date)).toEqual(["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"]);
  });

  it("gives the same numbers across daylight-saving changes in any process time zone", () => {
    const entries = entriesFrom("2025-02-20", loadsOf(260, (i) => (i * 37) % 90));
    const saved = process.env.TZ;
    const results: DailyMetrics[][] = [];
    try {
      for (const tz of ["UTC", "Europe/Paris", "America/New_York", "Pacific/Auckland"]) {
        process.env.TZ = tz;
        results.push(computeDailyMetrics(entries, { to: "2025-11-10" }));
      }
    } finally {
      process.env.TZ = saved;
    }
    for (const r of results) expect(r).toEqual(results[0]);
    const m = results[0];
    expect(m).toHaveLength(daysBetween("2025-02-20", "2025-11-10") + 1);
    for (const d of ["2025-03-09", "2025-03-30", "2025-10-26"]) {
      const i = daysBetween("2025-02-20", d);
      expect(m[i].date).toBe(d);
      expect(m[i + 1].date).toBe(addDays(d, 1));
    }
  });

  it("stores columns that agree with the objects", () => {
    const L = Float64Array.from(loadsOf(120, (i) => (i % 5 === 0 ? 0 : (i * 13) % 70)));
    const rows = computeDailyMetrics(entriesFrom(START, Array.from(L)), { to: addDays(START, 119) });
    const cols = seriesToDailyMetrics(computeSeries(L), parseDay(START, "d"));
    expect(cols).toEqual(rows);
    const tail = computeSeries(L, L.length, 90);
    expect(tail.length).toBe(30);
    expect(seriesToDailyMetrics(tail, parseDay(addDays(START, 90), "d"))).toEqual(rows.slice(90));
  });
});

describe("computeDailyMetrics: properties", () => {
  const loadArb = fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 1500 }) },
    { weight: 2, arbitrary: fc.double({ min: 0.01, max: 2000, noNaN: true, noDefaultInfinity: true }) },
  );
  const seriesArb = fc.array(loadArb, { minLength: 1, maxLength: 120 });

  it("matches the literal definitions (reference implementation)", () => {
    fc.assert(
      fc.property(seriesArb, (loads) => {
        const m = computeDailyMetrics(entriesFrom(START, loads), { to: addDays(START, loads.length - 1) });
        expectSameMetrics(m, referenceMetrics(loads, START), 1e-7);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("scales loads, means, EWMAs, fitness and fatigue by k and leaves ratios and monotony unchanged", () => {
    fc.assert(
      fc.property(seriesArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (loads, k) => {
        const to = addDays(START, loads.length - 1);
        const a = computeDailyMetrics(entriesFrom(START, loads), { to });
        const b = computeDailyMetrics(entriesFrom(START, loads.map((x) => x * k)), { to });
        const scaled = ["load", "acuteLoad7", "chronicLoad28", "ewmaAcute", "ewmaChronic", "fitness", "fatigue", "form", "rampRate", "strain"] as const;
        const invariant = ["acwrRolling", "acwrRollingUncoupled", "acwrEwma", "monotony"] as const;
        for (let i = 0; i < a.length; i++) {
          for (const f of scaled) {
            const x = a[i][f];
            const expected = x === null ? null : x * k;
            // Absolute slack for values that cancel to ~0 (form, ramp rate).
            const ok = close(b[i][f], expected, 1e-7) || (x !== null && Math.abs((b[i][f] as number) - x * k) < 1e-9 * k * 2000);
            if (!ok) throw new Error(`day ${i} ${f}: ${b[i][f]} vs ${expected}`);
          }
          for (const f of invariant) {
            if (!close(b[i][f], a[i][f], 1e-7)) throw new Error(`day ${i} ${f}: ${b[i][f]} vs ${a[i][f]}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("never returns NaN or Infinity, even for extreme loads", () => {
    const extreme = fc.oneof(
      fc.constant(0),
      fc.constant(Number.MIN_VALUE),
      fc.constant(1e-300),
      fc.constant(1e9),
      fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(fc.array(extreme, { minLength: 1, maxLength: 80 }), (loads) => {
        const m = computeDailyMetrics(entriesFrom(START, loads), { to: addDays(START, loads.length - 1) });
        for (const d of m) {
          for (const f of METRIC_FIELDS) {
            const v = d[f];
            if (v !== null && !Number.isFinite(v)) throw new Error(`${f} = ${v}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("has one object per calendar day, whatever the order and splitting of the entries", () => {
    const entryArb = fc.record({
      offset: fc.integer({ min: 0, max: 400 }),
      load: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 30 }), (raw, extra) => {
        const entries = raw.map((e) => ({ date: addDays("2024-12-15", e.offset), load: e.load }));
        const min = Math.min(...raw.map((e) => e.offset));
        const max = Math.max(...raw.map((e) => e.offset));
        const to = addDays("2024-12-15", max + extra);
        const m = computeDailyMetrics(entries, { to });
        expect(m).toHaveLength(max + extra - min + 1);
        m.forEach((d, i) => expect(d.date).toBe(addDays("2024-12-15", min + i)));
        const reversed = computeDailyMetrics([...entries].reverse(), { to });
        expectSameMetrics(reversed, m, 1e-12);
        // Splitting each entry in two on the same day changes nothing.
        const split = entries.flatMap((e) => [
          { date: e.date, load: Math.floor(e.load / 2) },
          { date: e.date, load: e.load - Math.floor(e.load / 2) },
        ]);
        expectSameMetrics(computeDailyMetrics(split, { to }), m, 1e-12);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it("stays exact over a long series with decimals (no drift of the running sums)", () => {
    const n = 5000;
    const loads = loadsOf(n, (i) => (i % 11 === 0 ? 0 : Math.round(((i * 7919) % 1000) * 0.37 * 100) / 100));
    const m = computeDailyMetrics(entriesFrom(START, loads), { to: addDays(START, n - 1) });
    const ref = referenceMetrics(loads, START);
    for (const i of [n - 1, n - 2, 4000, 2500]) {
      for (const f of METRIC_FIELDS) expect(close(m[i][f], ref[i][f], 1e-9)).toBe(true);
    }
  });
});

describe("computeDailyMetrics: invalid input", () => {
  const cases: [string, unknown, string][] = [
    ["NaN load", [{ date: START, load: NaN }], "entries[0].load"],
    ["negative load", [{ date: START, load: 5 }, { date: START, load: -1 }], "entries[1].load"],
    ["infinite load", [{ date: START, load: Infinity }], "entries[0].load"],
    ["string load", [{ date: START, load: "5" }], "entries[0].load"],
    ["huge load", [{ date: START, load: 1e12 }], "entries[0].load"],
    ["malformed date", [{ date: START, load: 1 }, { date: "2025-02-30", load: 1 }], "entries[1].date"],
    ["missing date", [{ load: 1 }], "entries[0].date"],
    ["not an entry", [null], "entries[0]"],
    ["daily sum over the cap", [{ date: START, load: 6e8 }, { date: START, load: 6e8 }], "entries"],
  ];
  it.each(cases)("%s", (_, entries, field) => {
    expect(() => computeDailyMetrics(entries as { date: string; load: number }[])).toThrow(EngineInputError);
    try {
      computeDailyMetrics(entries as { date: string; load: number }[]);
    } catch (e) {
      expect((e as EngineInputError).field).toBe(field);
    }
  });

  it("rejects a malformed `to` and a non-array", () => {
    expect(() => computeDailyMetrics([{ date: START, load: 1 }], { to: "2025-1-5" })).toThrow(
      expect.objectContaining({ field: "options.to" }),
    );
    expect(() => computeDailyMetrics("x" as unknown as [])).toThrow(expect.objectContaining({ field: "entries" }));
  });
});

describe("sessionLoad", () => {
  const base: EngineSession = { id: "a", date: START, type: "RUN", durationMin: 50, distanceKm: 10, rpe: 6 };

  it("is RPE x minutes by default (Foster 2001)", () => {
    expect(sessionLoad(base)).toBe(300);
    expect(sessionLoad({ ...base, rpe: 0 })).toBe(0);
  });

  it("counts a missing RPE as 5", () => {
    expect(sessionLoad({ ...base, rpe: undefined })).toBe(250);
    expect(sessionLoad({ ...base, rpe: null })).toBe(250);
  });

  it("measures running km and minutes", () => {
    expect(sessionLoad(base, "km")).toBe(10);
    expect(sessionLoad({ ...base, type: "CROSS_TRAINING" }, "km")).toBe(0);
    expect(sessionLoad({ ...base, distanceKm: undefined }, "km")).toBe(0);
    expect(sessionLoad({ ...base, type: "CORE" }, "min")).toBe(50);
  });

  it.each([
    [{ rpe: 11 }, "session.rpe"],
    [{ rpe: -1 }, "session.rpe"],
    [{ rpe: NaN }, "session.rpe"],
    [{ durationMin: -5 }, "session.durationMin"],
    [{ durationMin: NaN }, "session.durationMin"],
    [{ distanceKm: -1 }, "session.distanceKm"],
    [{ date: "2025-13-01" }, "session.date"],
    [{ type: "SWIM" }, "session.type"],
    [{ surface: "ice" }, "session.surface"],
    [{ id: 3 }, "session.id"],
  ])("rejects %j", (patch, field) => {
    expect(() => sessionLoad({ ...base, ...patch } as EngineSession)).toThrow(expect.objectContaining({ field }));
  });

  it("rejects an unknown measure", () => {
    expect(() => sessionLoad(base, "miles" as "km")).toThrow(EngineInputError);
  });
});
