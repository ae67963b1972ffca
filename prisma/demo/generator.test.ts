import { afterEach, describe, expect, it, vi } from "vitest";
import {
  DEMO_COACH_EMAIL,
  OSTRC_ALLOWED,
  demoAthleteEmail,
  generateDemo,
  generateDemoAthlete,
  resolveDemoParams,
  type DemoAthlete,
  type DemoData,
} from "./generator";

const END = "2026-11-25";
const DAY_MS = 86_400_000;
const base = generateDemo({ seed: 42, endDate: END });

const dayNum = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const allSessions = (d: DemoData) => d.athletes.flatMap((a) => a.sessions);

/** Local calendar day and hour of an instant in a time zone, from the platform's time-zone data. */
function localParts(instant: string, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) };
}

const SUB_AREAS: Record<string, string[]> = {
  CERVICAL: ["nape", "neck-left", "neck-right", "upper-trapezius"],
  DORSAL: ["between-shoulder-blades", "shoulder-blade-left", "shoulder-blade-right", "mid-back"],
  LUMBAR: ["lower-back-centre", "lower-back-left", "lower-back-right", "lumbosacral", "sacrum-buttocks", "flanks"],
};

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("determinism", () => {
  it("gives identical output for the same parameters, whatever the clock", () => {
    vi.useFakeTimers({ now: new Date("2031-02-03T04:05:06Z") });
    const again = generateDemo({ seed: 42, endDate: END });
    expect(again).toEqual(base);
  });

  it("never calls Math.random", () => {
    const spy = vi.spyOn(Math, "random");
    generateDemo({ seed: 5, athletes: 3, months: 2, endDate: END });
    expect(spy).not.toHaveBeenCalled();
  });

  it("gives different output for a different seed", () => {
    const other = generateDemo({ seed: 43, endDate: END });
    expect(other.athletes.map((a) => a.sessions.length)).not.toEqual(base.athletes.map((a) => a.sessions.length));
    expect(other.athletes[0].sessions[0]).not.toEqual(base.athletes[0].sessions[0]);
  });

  it("generates each athlete on its own, so the seed can stream them", () => {
    const params = resolveDemoParams({ seed: 42, endDate: END });
    expect(generateDemoAthlete(params, 5)).toEqual(base.athletes[5]);
  });
});

describe("parameters", () => {
  it("defaults to 8 athletes and 12 months ending on endDate", () => {
    expect(base.params).toEqual({ seed: 42, athletes: 8, months: 12, endDate: END, startDate: "2025-11-26" });
    expect(base.athletes).toHaveLength(8);
    expect(base.coach.email).toBe(DEMO_COACH_EMAIL);
    expect(base.athletes.map((a) => a.user.email)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map(demoAthleteEmail));
  });

  it("scales with athletes and months", () => {
    const short = generateDemo({ seed: 42, athletes: 8, months: 6, endDate: END });
    const ratio = allSessions(base).length / allSessions(short).length;
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2.5);
    const bigger = generateDemo({ seed: 42, athletes: 20, months: 6, endDate: END });
    expect(bigger.athletes).toHaveLength(20);
    expect(allSessions(bigger).length).toBeGreaterThan(2 * allSessions(short).length);
  });

  it("rejects impossible parameters", () => {
    expect(() => generateDemo({ endDate: "2026-02-30" })).toThrow(RangeError);
    expect(() => generateDemo({ endDate: "25/11/2026" })).toThrow(RangeError);
    expect(() => generateDemo({ athletes: 0, endDate: END })).toThrow(RangeError);
    expect(() => generateDemo({ months: 1.5, endDate: END })).toThrow(RangeError);
  });

  it("handles a single athlete and a one-month history", () => {
    const tiny = generateDemo({ athletes: 1, months: 1, endDate: END });
    expect(tiny.athletes[0].roles).toMatchObject({ overloaded: true, redFlag: true });
    expect(tiny.athletes[0].painReports.filter((r) => r.redFlags.length)).toHaveLength(1);
  });

  it("reaches 100 athletes x 36 months quickly, one athlete at a time", () => {
    const params = resolveDemoParams({ athletes: 100, months: 36, endDate: END });
    const started = performance.now();
    let sessions = 0;
    for (let i = 0; i < params.athletes; i++) sessions += generateDemoAthlete(params, i).sessions.length;
    expect(sessions).toBeGreaterThan(90_000);
    expect(sessions).toBeLessThan(130_000);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe("sessions", () => {
  const checkAthlete = (a: DemoAthlete, params: DemoData["params"]) => {
    const shoeKeys = new Set(a.shoes.map((s) => s.key));
    const ids = new Set<string>();
    for (const s of a.sessions) {
      const where = `${a.user.email} ${s.externalId}`;
      expect(s.externalId, where).toMatch(new RegExp(`^demo-${a.index}-\\d+$`));
      expect(ids.has(s.externalId), where).toBe(false);
      ids.add(s.externalId);
      expect(s.source).toBe("DEMO");
      expect(s.localDate >= params.startDate && s.localDate <= params.endDate, where).toBe(true);
      expect(s.durationMin, where).toBeGreaterThan(0);
      if (s.movingMin != null) expect(s.movingMin, where).toBeLessThanOrEqual(s.durationMin);
      if (s.rpe != null) {
        expect(Number.isInteger(s.rpe), where).toBe(true);
        expect(s.rpe, where).toBeGreaterThanOrEqual(0);
        expect(s.rpe, where).toBeLessThanOrEqual(10);
      }
      if (s.avgHr != null) {
        expect(Number.isInteger(s.avgHr), where).toBe(true);
        expect(s.avgHr, where).toBeGreaterThan(60);
        expect(s.avgHr, where).toBeLessThan(210);
      }
      if (s.type === "RUN") {
        expect(s.distanceKm, where).toBeGreaterThan(0);
        expect(s.surface, where).not.toBeNull();
        expect(s.subType, where).toBeNull();
        const paceMinPerKm = s.movingMin! / s.distanceKm!;
        expect(paceMinPerKm, where).toBeGreaterThan(3);
        expect(paceMinPerKm, where).toBeLessThan(10);
      } else {
        expect(s.surface, where).toBeNull();
        expect(s.shoeKey, where).toBeNull();
        const distanceAllowed = s.type === "CROSS_TRAINING" && (s.subType === "CYCLING" || s.subType === "SWIMMING");
        if (!distanceAllowed) expect(s.distanceKm, where).toBeNull();
      }
      if (s.type === "CROSS_TRAINING") expect(s.subType, where).not.toBeNull();
      else expect(s.subType, where).toBeNull();
      if (s.shoeKey) expect(shoeKeys.has(s.shoeKey), where).toBe(true);
      // The start time falls on the session's local day, at a plausible hour, in the athlete's zone.
      const local = localParts(s.startTime, a.user.timeZone);
      expect(local.date, where).toBe(s.localDate);
      expect(local.hour, where).toBeGreaterThanOrEqual(5);
      expect(local.hour, where).toBeLessThanOrEqual(23);
    }
  };

  it("satisfy the schema and the athlete's time zone", () => {
    for (const a of base.athletes) checkAthlete(a, base.params);
  });

  it("satisfy the schema for other seeds and random profiles too", () => {
    const other = generateDemo({ seed: 9001, athletes: 14, months: 8, endDate: "2026-03-29" });
    for (const a of other.athletes) checkAthlete(a, other.params);
  });

  it("cover every surface, session type and habit the screens show", () => {
    const sessions = allSessions(base);
    const surfaces = new Set(sessions.map((s) => s.surface).filter(Boolean));
    for (const s of ["ASPHALT", "TRACK", "TRAIL", "GRASS", "SAND", "TREADMILL"]) expect(surfaces).toContain(s);
    const types = new Set(sessions.map((s) => s.type));
    for (const t of ["RUN", "CORE", "STRENGTH", "MOBILITY", "CROSS_TRAINING"]) expect(types).toContain(t);
    expect(new Set(sessions.map((s) => s.subType).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    expect(sessions.some((s) => s.rpe === null)).toBe(true);
    expect(base.athletes.some((a) => a.roles.neglectsSupport)).toBe(true);
    // Long runs sit on weekends: each athlete's longest run of most weeks is on Saturday or Sunday.
    for (const a of base.athletes) {
      const longestByWeek = new Map<number, { km: number; dow: number }>();
      for (const s of a.sessions.filter((x) => x.type === "RUN")) {
        const d = dayNum(s.localDate);
        const week = Math.floor((d + 3) / 7);
        const cur = longestByWeek.get(week);
        if (!cur || s.distanceKm! > cur.km) longestByWeek.set(week, { km: s.distanceKm!, dow: (d + 3) % 7 });
      }
      const weekends = [...longestByWeek.values()].filter((w) => w.dow >= 5).length;
      expect(weekends / longestByWeek.size, a.user.email).toBeGreaterThan(0.7);
    }
  });
});

describe("placed situations", () => {
  it("gives the overloaded athlete a run over 1.3x the longest of the previous 30 days in the last 7 days", () => {
    const a = base.athletes.find((x) => x.roles.overloaded)!;
    const end = dayNum(END);
    const runs = a.sessions.filter((s) => s.type === "RUN").map((s) => ({ day: dayNum(s.localDate), km: s.distanceKm! }));
    const spikes = runs
      .filter((r) => r.day > end - 7)
      .filter((r) => {
        const prior = runs.filter((p) => p.day >= r.day - 30 && p.day < r.day);
        return prior.length > 0 && r.km > 1.3 * Math.max(...prior.map((p) => p.km));
      });
    expect(spikes.length).toBeGreaterThanOrEqual(1);
    const lastWeekKm = runs.filter((r) => r.day > end - 7).reduce((t, r) => t + r.km, 0);
    const baselineKm = runs.filter((r) => r.day > end - 28 && r.day <= end - 7).reduce((t, r) => t + r.km, 0) / 3;
    expect(lastWeekKm / baselineKm).toBeGreaterThan(1.3);
    const recentPain = a.painReports.filter((r) => dayNum(r.localDate) > end - 7);
    expect(recentPain.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...recentPain.map((r) => r.nrs))).toBeGreaterThanOrEqual(4);
  });

  it("holds exactly one red-flag report, recent, in the whole squad", () => {
    for (const data of [base, generateDemo({ seed: 3, athletes: 30, months: 4, endDate: END })]) {
      const flagged = data.athletes.flatMap((a) => a.painReports.filter((r) => r.redFlags.length > 0));
      expect(flagged).toHaveLength(1);
      expect(flagged[0].redFlags).toEqual(["night-pain", "weight-loss"]);
      expect(flagged[0].mechanical).toBe(false);
      expect(dayNum(END) - dayNum(flagged[0].localDate)).toBeLessThanOrEqual(14);
    }
  });

  it("lets the surface-change athlete run the last week on a surface barely used before", () => {
    const a = base.athletes.find((x) => x.roles.surfaceChange)!;
    const end = dayNum(END);
    const km = (from: number, to: number, surface?: string) =>
      a.sessions
        .filter((s) => s.type === "RUN" && dayNum(s.localDate) >= from && dayNum(s.localDate) <= to)
        .filter((s) => !surface || s.surface === surface)
        .reduce((t, s) => t + s.distanceKm!, 0);
    expect(km(end - 6, end, "TRAIL") / km(end - 6, end)).toBeGreaterThanOrEqual(0.5);
    expect(km(end - 34, end - 7, "TRAIL") / km(end - 34, end - 7)).toBeLessThan(0.1);
  });

  it("plans next week for a couple of athletes", () => {
    const plans = base.athletes.filter((a) => a.plan);
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const a of plans) {
      expect(a.plan!.startDate).toBe("2026-11-30");
      expect(a.plan!.endDate).toBe("2026-12-06");
      for (const p of a.plan!.sessions) {
        expect(p.date >= a.plan!.startDate && p.date <= a.plan!.endDate).toBe(true);
        expect(p.durationMin).toBeGreaterThan(0);
        if (p.shoeKey) expect(a.shoes.map((s) => s.key)).toContain(p.shoeKey);
      }
    }
  });
});

describe("back pain and OSTRC", () => {
  it("reports pain with valid zones, sub-areas and scores", () => {
    const reports = base.athletes.flatMap((a) => a.painReports);
    expect(reports.length).toBeGreaterThan(8);
    for (const r of reports) {
      expect(SUB_AREAS[r.zone]).toContain(r.subArea);
      expect(Number.isInteger(r.nrs) && r.nrs >= 0 && r.nrs <= 10).toBe(true);
      expect(r.localDate <= END).toBe(true);
    }
  });

  it("answers OSTRC only with the questionnaire's scores, weekly, from Monday", () => {
    const data = [base, generateDemo({ seed: 11, athletes: 25, months: 18, endDate: "2026-06-30" })];
    let rows = 0;
    for (const d of data) {
      for (const a of d.athletes) {
        const keys = new Set<string>();
        for (const o of a.ostrcResponses) {
          rows++;
          expect(OSTRC_ALLOWED.q1).toContain(o.q1);
          expect(OSTRC_ALLOWED.q2).toContain(o.q2);
          expect(OSTRC_ALLOWED.q3).toContain(o.q3);
          expect(OSTRC_ALLOWED.q4).toContain(o.q4);
          if (o.q1 === 25) expect([o.q2, o.q3]).toEqual([25, 25]);
          expect(o.severity).toBe(o.q1 + o.q2 + o.q3 + o.q4);
          expect(o.substantial).toBe(o.q2 >= 13 || o.q3 >= 13 || o.q1 === 25);
          expect((dayNum(o.weekStart) + 3) % 7).toBe(0);
          expect(o.localDate >= o.weekStart || o.localDate === d.params.startDate).toBe(true);
          expect(o.localDate <= d.params.endDate).toBe(true);
          const key = `${o.weekStart}|${o.zone}`;
          expect(keys.has(key)).toBe(false);
          keys.add(key);
        }
      }
    }
    expect(rows).toBeGreaterThan(20);
  });

  it("places most pain episodes after overload, and only in athletes who report", () => {
    const withPain = base.athletes.filter((a) => a.painReports.length > 0);
    expect(withPain.length).toBeGreaterThanOrEqual(4);
    for (const a of withPain) expect(a.ostrcResponses.length).toBeGreaterThan(0);
  });
});

describe("profiles and shoes", () => {
  it("vary across the squad", () => {
    const ages = base.athletes.map((a) => (dayNum(END) - dayNum(a.profile.birthDate)) / 365.25);
    expect(ages.some((age) => age >= 40)).toBe(true);
    expect(ages.some((age) => age < 30)).toBe(true);
    expect(new Set(base.athletes.map((a) => a.profile.sex)).size).toBeGreaterThanOrEqual(3);
    expect(base.athletes.map((a) => a.profile.footprintType)).toContain("UNASSESSED");
    expect(base.athletes.filter((a) => (a.profile.legLengthDiscrepancyMm ?? 0) >= 10)).toHaveLength(1);
    const posture = new Set(base.athletes.flatMap((a) => a.profile.postureLoad));
    expect([...posture].sort()).toEqual(["DESK", "LIFTING", "STANDING"]);
    expect(base.athletes.some((a) => a.profile.curvatureFindings.length > 0)).toBe(true);
    expect(base.athletes.some((a) => a.profile.injuryHistory)).toBe(true);
    expect(new Set(base.athletes.map((a) => a.user.unitPreference))).toEqual(new Set(["KM", "MI"]));
    const zones = new Set(base.athletes.map((a) => a.user.timeZone));
    for (const z of ["Europe/Madrid", "America/New_York", "Europe/London"]) expect(zones).toContain(z);
  });

  it("give each athlete 2-3 shoes with one retired, and some in use past 700 km", () => {
    let pastLimit = 0;
    for (const a of base.athletes) {
      expect(a.shoes.length).toBeGreaterThanOrEqual(2);
      expect(a.shoes.length).toBeLessThanOrEqual(3);
      expect(a.shoes.filter((s) => s.retiredAt)).toHaveLength(1);
      for (const shoe of a.shoes) {
        const km =
          shoe.initialKm + a.sessions.filter((s) => s.shoeKey === shoe.key).reduce((t, s) => t + s.distanceKm!, 0);
        if (!shoe.retiredAt && km > 700) pastLimit++;
        const used = a.sessions.filter((s) => s.shoeKey === shoe.key);
        for (const s of used) expect(s.localDate >= shoe.startedOn).toBe(true);
        if (shoe.retiredAt) for (const s of used) expect(s.startTime < shoe.retiredAt).toBe(true);
      }
    }
    expect(pastLimit).toBeGreaterThanOrEqual(1);
  });
});
