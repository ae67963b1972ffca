import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseActivityFile } from "./index";
import { loadMinutesOf, reviewReasonOf, worldRecordSeconds } from "./plausibility";
import { stravaCsv, stravaDate } from "./testing";

const fixture = (rel: string) => new Uint8Array(readFileSync(path.join(__dirname, "fixtures", rel)));
const parse = (rel: string) => parseActivityFile(path.basename(rel), fixture(rel), { timeZone: "Europe/Madrid" });

describe("worldRecordSeconds", () => {
  it("gives the listed records exactly", () => {
    expect(worldRecordSeconds(100)).toBeCloseTo(9.58, 9);
    expect(worldRecordSeconds(5000)).toBeCloseTo(755.36, 9);
    expect(worldRecordSeconds(42195)).toBeCloseTo(7235, 9);
    expect(worldRecordSeconds(319614)).toBeCloseTo(86400, 9);
  });

  it("interpolates between records and extends past both ends at the end records' speeds", () => {
    // Between 5000 m (755.36 s) and 10,000 m (1571 s), log-log: t = 755.36 * 1.5^(log(1571/755.36)/log 2).
    const k = Math.log(1571 / 755.36) / Math.log(2);
    expect(worldRecordSeconds(7500)).toBeCloseTo(755.36 * Math.pow(1.5, k), 9);
    expect(worldRecordSeconds(50)).toBeCloseTo(4.79, 9);
    expect(worldRecordSeconds(639228)).toBeCloseTo(172800, 6);
    expect(worldRecordSeconds(0)).toBe(0);
  });

  it("grows with distance, and no faster than distance itself beyond 100 m", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 1.0001, max: 10, noNaN: true }), (d, f) => {
        const a = worldRecordSeconds(d);
        const b = worldRecordSeconds(d * f);
        expect(b).toBeGreaterThan(a);
      }),
    );
  });
});

describe("reviewReasonOf", () => {
  const run = (km: number, minutes: number, moving?: number) => ({ type: "RUN" as const, distanceKm: km, durationMin: minutes, movingMin: moving });

  it("flags a run faster than the world record for its distance, and not one just slower", () => {
    expect(reviewReasonOf(run(5, 12.5))).toBe("faster-than-record");
    expect(reviewReasonOf(run(5, 12.6))).toBeUndefined();
    expect(reviewReasonOf(run(42.195, 119))).toBe("faster-than-record");
    expect(reviewReasonOf(run(42.195, 121))).toBeUndefined();
    // The moving time is what is judged: 10 km in 40 min elapsed but 20 min moving is a GPS or pause error.
    expect(reviewReasonOf(run(10, 40, 20))).toBe("faster-than-record");
  });

  it("leaves a fast ride alone: the record pace is for runs", () => {
    expect(reviewReasonOf({ type: "CROSS_TRAINING", distanceKm: 40, durationMin: 60 })).toBeUndefined();
  });

  it("flags a moving time over 24 hours, not an elapsed one with a short moving time", () => {
    expect(reviewReasonOf({ type: "OTHER", durationMin: 24 * 60 + 1 })).toBe("moving-over-day");
    expect(reviewReasonOf({ type: "OTHER", durationMin: 24 * 60 })).toBeUndefined();
    expect(reviewReasonOf({ type: "CROSS_TRAINING", durationMin: 120894, movingMin: 1.97, distanceKm: 0.5 })).toBeUndefined();
  });

  it("flags a distance with no time", () => {
    expect(reviewReasonOf(run(8, 0))).toBe("distance-without-time");
    expect(reviewReasonOf({ type: "OTHER", durationMin: 0 })).toBeUndefined();
  });

  it("counts load from moving time when known", () => {
    expect(loadMinutesOf({ durationMin: 120894, movingMin: 1.97 })).toBe(1.97);
    expect(loadMinutesOf({ durationMin: 30 })).toBe(30);
    expect(loadMinutesOf({ durationMin: 30, movingMin: null })).toBe(30);
  });
});

describe("moving time and source sport from the real files", () => {
  it("FIT: moving time is the session's timer time", async () => {
    const [s] = (await parse("fit/garmin_fenix2_run_hr.fit")).sessions;
    expect(s.sourceSport).toBe("Running");
    expect(s.movingMin).toBeDefined();
    expect(s.movingMin!).toBeLessThanOrEqual(s.durationMin);
    expect(s.reviewReason).toBeUndefined();
  });

  it("TCX: moving time is the laps' total time, 1993 s", async () => {
    const [s] = (await parse("tcx/garmin_fr410_run_3laps_hr.tcx")).sessions;
    // The laps hold 1992.6 s to the tenth (the file rounds to 1993 s per the source notes).
    expect(s.movingMin).toBeCloseTo(33.21, 2);
    expect(s.sourceSport).toBe("Running");
  });

  it("GPX: moving time from the points, with the pause between segments left out", async () => {
    const [s] = (await parse("gpx/tomtom_run_2seg_no_hr.gpx")).sessions;
    expect(s.movingMin!).toBeGreaterThan(0);
    expect(s.movingMin!).toBeLessThanOrEqual(s.durationMin);
    const [g] = (await parse("gpx/garmin_connect_run_hr.gpx")).sessions;
    expect(g.movingMin!).toBeLessThanOrEqual(g.durationMin);
  });

  it("Garmin Connect CSV: Moving Time and the Activity Type as named", async () => {
    const { sessions } = await parse("csv/garmin_connect_activities_2025-05.csv");
    expect(new Set(sessions.map((s) => s.sourceSport))).toEqual(new Set(["Running", "Trail Running", "Indoor Cycling"]));
    expect(sessions.every((s) => s.movingMin === undefined || s.movingMin <= s.durationMin)).toBe(true);
  });

  it("Strava CSV: a ride left running for 84 days counts its 2 moving minutes; implausible rows are kept and marked", async () => {
    const t = Date.UTC(2024, 5, 1, 7, 0, 0);
    const csv = stravaCsv([
      { "Activity ID": "1", "Activity Date": stravaDate(t), "Activity Type": "Ride", "Elapsed Time": "7253640", "Moving Time": "118", "Distance@2": "500" },
      { "Activity ID": "2", "Activity Date": stravaDate(t + 864e5), "Activity Type": "Run", "Elapsed Time": "600", "Moving Time": "600", "Distance@2": "10000" },
      { "Activity ID": "3", "Activity Date": stravaDate(t + 2 * 864e5), "Activity Type": "Run", "Distance@2": "8000" },
      { "Activity ID": "4", "Activity Date": stravaDate(t + 3 * 864e5), "Activity Type": "Hike", "Elapsed Time": "97200", "Moving Time": "93600" },
    ]);
    const { sessions, errors } = await parseActivityFile("activities.csv", new TextEncoder().encode(csv), { timeZone: "UTC" });
    expect(errors).toEqual([]);
    const byId = new Map(sessions.map((s) => [s.externalId, s]));
    expect(byId.get("strava:1")).toMatchObject({ sourceSport: "Ride", movingMin: 1.97 });
    expect(byId.get("strava:1")!.reviewReason).toBeUndefined();
    expect(byId.get("strava:2")!.reviewReason).toBe("faster-than-record");
    expect(byId.get("strava:3")).toMatchObject({ durationMin: 0, reviewReason: "distance-without-time" });
    expect(byId.get("strava:4")!.reviewReason).toBe("moving-over-day");
  });
});
