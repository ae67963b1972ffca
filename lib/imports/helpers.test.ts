import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseActivityFile } from "./index";
import { mapFitSport, mapSport } from "./sport";
import { localDateOf, parseWallTime, zonedTimeToUtc } from "./time";
import { elevationGain, trackStats, type TrackPoint } from "./track";
import { parseClockSeconds, parseNumber } from "./values";

describe("dates and time zones", () => {
  it("reads the date shapes of Strava and Garmin exports", () => {
    const w = { year: 2014, month: 10, day: 5, hour: 16, minute: 15, second: 21 };
    expect(parseWallTime("Oct 5, 2014, 4:15:21 PM")).toEqual(w);
    expect(parseWallTime("5 Oct 2014, 16:15:21")).toEqual(w);
    expect(parseWallTime("2014-10-05 16:15:21")).toEqual(w);
    expect(parseWallTime("Oct 5, 2014, 12:05:00 AM")).toMatchObject({ day: 5, hour: 0, minute: 5 });
    expect(parseWallTime("Oct 5, 2014, 12:05:00 PM")).toMatchObject({ hour: 12 });
    expect(parseWallTime("Feb 30, 2014, 1:00:00 PM")).toBeUndefined();
    expect(parseWallTime("yesterday")).toBeUndefined();
  });

  it("finds the local day of an instant", () => {
    const t = Date.parse("2012-10-24T23:30:00Z");
    expect(localDateOf(t, "Europe/Madrid")).toBe("2012-10-25");
    expect(localDateOf(t, "America/New_York")).toBe("2012-10-24");
    expect(localDateOf(t, "Asia/Kathmandu")).toBe("2012-10-25");
    // Just before and after Madrid's midnight in summer (UTC+2).
    expect(localDateOf(Date.parse("2024-07-01T21:59:59Z"), "Europe/Madrid")).toBe("2024-07-01");
    expect(localDateOf(Date.parse("2024-07-01T22:00:00Z"), "Europe/Madrid")).toBe("2024-07-02");
  });

  it("agrees with Intl on random instants", () => {
    const zones = ["Europe/Madrid", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "UTC"];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const expected = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(ms);
        expect(localDateOf(ms, zone)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("turns local wall time into the instant, across daylight-saving changes", () => {
    const utc = (w: Parameters<typeof zonedTimeToUtc>[0], z: string) => new Date(zonedTimeToUtc(w, z)).toISOString();
    expect(utc({ year: 2025, month: 5, day: 7, hour: 17, minute: 53, second: 16 }, "Europe/Madrid")).toBe("2025-05-07T15:53:16.000Z");
    expect(utc({ year: 2025, month: 1, day: 7, hour: 17, minute: 53, second: 16 }, "Europe/Madrid")).toBe("2025-01-07T16:53:16.000Z");
    // 02:30 on 30 March 2025 does not exist in Madrid; it lands within the hour after.
    const gap = zonedTimeToUtc({ year: 2025, month: 3, day: 30, hour: 2, minute: 30, second: 0 }, "Europe/Madrid");
    expect([Date.parse("2025-03-30T00:30:00Z"), Date.parse("2025-03-30T01:30:00Z")]).toContain(gap);
    // 02:30 on 26 October 2025 happens twice; the first is taken.
    expect(utc({ year: 2025, month: 10, day: 26, hour: 2, minute: 30, second: 0 }, "Europe/Madrid")).toBe("2025-10-26T00:30:00.000Z");
  });
});

describe("export values", () => {
  it("reads numbers with separators and missing markers", () => {
    expect(parseNumber("5,276")).toBe(5276);
    expect(parseNumber("1,239.5")).toBe(1239.5);
    expect(parseNumber("10.02")).toBe(10.02);
    expect(parseNumber("10,5")).toBe(10.5);
    expect(parseNumber("-0")).toBe(-0);
    expect(parseNumber("--")).toBeUndefined();
    expect(parseNumber("")).toBeUndefined();
    expect(parseNumber("abc")).toBeUndefined();
  });

  it("reads clock durations", () => {
    expect(parseClockSeconds("00:44:53")).toBe(2693);
    expect(parseClockSeconds("00:09:21.1")).toBeCloseTo(561.1);
    expect(parseClockSeconds("34:59")).toBe(2099);
    expect(parseClockSeconds("2832")).toBe(2832);
    expect(parseClockSeconds("--")).toBeUndefined();
    expect(parseClockSeconds("1:xx:00")).toBeUndefined();
  });
});

describe("sport mapping", () => {
  it.each([
    ["Run", "RUN", undefined],
    ["Trail Running", "RUN", undefined],
    ["Treadmill Running", "RUN", undefined],
    ["Track Running", "RUN", undefined],
    ["Virtual Run", "RUN", undefined],
    ["Ride", "CROSS_TRAINING", "CYCLING"],
    ["Virtual Ride", "CROSS_TRAINING", "CYCLING"],
    ["Indoor Cycling", "CROSS_TRAINING", "CYCLING"],
    ["Mountain Bike Ride", "CROSS_TRAINING", "CYCLING"],
    ["Biking", "CROSS_TRAINING", "CYCLING"],
    ["Swim", "CROSS_TRAINING", "SWIMMING"],
    ["Pool Swim", "CROSS_TRAINING", "SWIMMING"],
    ["Open Water Swimming", "CROSS_TRAINING", "SWIMMING"],
    ["Elliptical", "CROSS_TRAINING", "ELLIPTICAL"],
    ["Aqua Jogging", "CROSS_TRAINING", "AQUA_JOGGING"],
    ["Deep Water Running", "CROSS_TRAINING", "AQUA_JOGGING"],
    ["Rowing", "CROSS_TRAINING", "ROWING"],
    ["Indoor Rowing", "CROSS_TRAINING", "ROWING"],
    ["Walk", "CROSS_TRAINING", "OTHER"],
    ["Weight Training", "STRENGTH", undefined],
    ["Strength Training", "STRENGTH", undefined],
    ["Yoga", "MOBILITY", undefined],
    ["Pilates", "MOBILITY", undefined],
    ["Stretching", "MOBILITY", undefined],
    ["Core", "CORE", undefined],
    ["Kitesurf", "OTHER", undefined],
    ["", "OTHER", undefined],
  ])("%s -> %s %s", (name, type, subType) => {
    expect(mapSport(name)).toEqual(subType ? { type, subType } : { type });
  });

  // Strava's sport_type and Intervals.icu's type values, as the sync brings them in (camelCase, no spaces).
  it.each([
    ["TrailRun", "RUN", undefined],
    ["VirtualRun", "RUN", undefined],
    ["GravelRide", "CROSS_TRAINING", "CYCLING"],
    ["EBikeRide", "CROSS_TRAINING", "CYCLING"],
    ["EMountainBikeRide", "CROSS_TRAINING", "CYCLING"],
    ["VirtualRide", "CROSS_TRAINING", "CYCLING"],
    ["OpenWaterSwim", "CROSS_TRAINING", "SWIMMING"],
    ["VirtualRow", "CROSS_TRAINING", "ROWING"],
    ["WeightTraining", "STRENGTH", undefined],
    ["Crossfit", "STRENGTH", undefined],
    ["Hike", "CROSS_TRAINING", "OTHER"],
    ["NordicSki", "CROSS_TRAINING", "OTHER"],
    ["StairStepper", "CROSS_TRAINING", "OTHER"],
    ["HighIntensityIntervalTraining", "CROSS_TRAINING", "OTHER"],
    ["Workout", "OTHER", undefined],
  ])("provider sport %s -> %s %s", (name, type, subType) => {
    expect(mapSport(name)).toEqual(subType ? { type, subType } : { type });
  });

  it("reads FIT sport and sub-sport together", () => {
    expect(mapFitSport("running", "treadmill")).toEqual({ type: "RUN" });
    expect(mapFitSport("cycling", "indoorCycling")).toEqual({ type: "CROSS_TRAINING", subType: "CYCLING" });
    expect(mapFitSport("training", "yoga")).toEqual({ type: "MOBILITY" });
    expect(mapFitSport("training", "strengthTraining")).toEqual({ type: "STRENGTH" });
    expect(mapFitSport("fitnessEquipment", "elliptical")).toEqual({ type: "CROSS_TRAINING", subType: "ELLIPTICAL" });
    expect(mapFitSport("fitnessEquipment", "indoorRowing")).toEqual({ type: "CROSS_TRAINING", subType: "ROWING" });
    expect(mapFitSport("swimming", "lapSwimming")).toEqual({ type: "CROSS_TRAINING", subType: "SWIMMING" });
    expect(mapFitSport("generic", undefined)).toEqual({ type: "OTHER" });
  });
});

describe("track figures", () => {
  // Due north along a meridian: 0.001 degree of latitude is about 111 m.
  const line = (n: number, startMs: number, stepS: number, stepDeg: number, lat0 = 40): TrackPoint[] =>
    Array.from({ length: n }, (_, i) => ({ lat: lat0 + i * stepDeg, lon: -3, time: startMs + i * stepS * 1000 }));

  it("leaves a standing stop out of moving time", () => {
    const t0 = Date.UTC(2024, 0, 1);
    const running = line(301, t0, 1, 0.00003); // 300 s at about 3.3 m/s
    const last = running[running.length - 1];
    // 120 s at the lights with GPS jitter of a couple of metres.
    const stopped = Array.from({ length: 120 }, (_, i) => ({ lat: last.lat! + (i % 2 ? 0.00001 : -0.00001), lon: -3, time: last.time! + (i + 1) * 1000 }));
    const again = line(300, stopped[stopped.length - 1].time + 1000, 1, 0.00003, last.lat!);
    const stats = trackStats([[...running, ...stopped, ...again]]);
    expect((stats.endMs! - stats.startMs!) / 1000).toBe(720);
    expect(stats.movingS).toBeGreaterThanOrEqual(590);
    expect(stats.movingS).toBeLessThanOrEqual(620);
  });

  it("ignores the jump between two segments", () => {
    const t0 = Date.UTC(2024, 0, 1);
    const a = line(100, t0, 1, 0.00003);
    const b = line(100, t0 + 3_600_000, 1, 0.00003, 41); // 100 km further north
    const stats = trackStats([a, b]);
    expect(stats.distanceM).toBeGreaterThan(600);
    expect(stats.distanceM).toBeLessThan(700);
  });

  it("skips points without elevation and ignores noise and glitches", () => {
    expect(elevationGain([10, 11, 10, 11, 10, 11].map((ele) => ({ ele })))).toBe(0);
    expect(elevationGain([10, 20, 30, 25, 40].map((ele) => ({ ele })))).toBe(35);
    // One sample of 0 m (a lost altimeter reading) adds nothing.
    const t = (i: number) => Date.UTC(2024, 0, 1) + i * 1000;
    expect(elevationGain([100, 100, 0, 100, 101].map((ele, i) => ({ ele, time: t(i) })))).toBe(0);
    const sparse: TrackPoint[] = [
      { lat: 40, lon: -3, ele: 100, time: t(0) },
      { lat: 40.001, lon: -3, time: t(30) },
      { lat: 40.002, lon: -3, ele: 110, time: t(60) },
      { lat: 40.003, lon: -3, time: t(90) },
    ];
    expect(trackStats([sparse]).elevationGainM).toBe(10);
  });
});

describe("robustness", () => {
  const fixtures = ["gpx/garmin_connect_run_hr.gpx", "tcx/garmin_fr410_run_3laps_hr.tcx", "fit/garmin_fenix2_run_hr.fit", "csv/garmin_connect_activities_2025-05.csv"].map(
    (rel) => ({ name: path.basename(rel), bytes: new Uint8Array(readFileSync(path.join(__dirname, "fixtures", rel))) }),
  );

  it("never throws on random bytes under any supported name", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom("a.fit", "a.gpx", "a.tcx", "a.csv", "a.zip", "a.gpx.gz", "a.fit.gz"),
        async (bytes, name) => {
          const result = await parseActivityFile(name, bytes, { timeZone: "UTC" });
          expect(result.sessions.length + result.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("never throws on real files cut at any point", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtures), fc.double({ min: 0, max: 1, noNaN: true }), async (file, cut) => {
        const bytes = file.bytes.slice(0, Math.floor(file.bytes.length * cut));
        const result = await parseActivityFile(file.name, bytes, { timeZone: "UTC" });
        expect(result.sessions.length + result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) expect(e.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 60 },
    );
  });
});
