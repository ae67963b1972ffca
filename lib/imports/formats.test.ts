import { readFileSync } from "node:fs";
import path from "node:path";
import { Decoder, Stream } from "@garmin/fitsdk";
import { describe, expect, it } from "vitest";
import { parseActivityFile, type ParsedImport } from "./index";

const fixture = (rel: string) => new Uint8Array(readFileSync(path.join(__dirname, "fixtures", rel)));
const parse = (rel: string, timeZone = "Europe/Madrid"): Promise<ParsedImport> =>
  parseActivityFile(path.basename(rel), fixture(rel), { timeZone });

/** |actual - expected| within 1% of expected. */
function within1pct(actual: number | undefined, expected: number) {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected) / expected).toBeLessThanOrEqual(0.01);
}

describe("GPX", () => {
  it("reads a Garmin Connect run with heart rate", async () => {
    const { sessions, errors } = await parse("gpx/garmin_connect_run_hr.gpx");
    expect(errors).toEqual([]);
    expect(sessions).toHaveLength(1);
    const s = sessions[0];
    expect(s).toMatchObject({ type: "RUN", source: "GPX", startTime: "2012-10-24T23:29:40.000Z" });
    within1pct(s.distanceKm, 3.1);
    within1pct(s.durationMin, 15.8);
    expect(s.movingMin).toBeGreaterThan(0);
    expect(s.movingMin).toBeLessThanOrEqual(s.durationMin);
    expect(s.avgHr).toBeGreaterThan(100);
    expect(s.avgHr).toBeLessThan(220);
    expect(s.elevationGainM).toBeGreaterThan(0);
    expect(s.externalId).toBeUndefined();
    expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sums a two-segment TomTom track without the gap and without HR", async () => {
    const { sessions, errors } = await parse("gpx/tomtom_run_2seg_no_hr.gpx");
    expect(errors).toEqual([]);
    const s = sessions[0];
    expect(s.type).toBe("RUN");
    expect(s.date).toBe("2017-05-27");
    within1pct(s.distanceKm, 4.8);
    within1pct(s.durationMin, 23.7);
    expect(s.avgHr).toBeUndefined();
  });

  it("places the start on the athlete's local calendar day", async () => {
    // The run starts at 23:29:40 UTC on 24 October 2012.
    expect((await parse("gpx/garmin_connect_run_hr.gpx", "Europe/Madrid")).sessions[0].date).toBe("2012-10-25");
    expect((await parse("gpx/garmin_connect_run_hr.gpx", "America/New_York")).sessions[0].date).toBe("2012-10-24");
    expect((await parse("gpx/garmin_connect_run_hr.gpx", "UTC")).sessions[0].date).toBe("2012-10-24");
  });

  it("refuses a truncated file with the reason and where it stops", async () => {
    const { sessions, errors } = await parse("gpx/broken_truncated_garmin_basecamp.gpx");
    expect(sessions).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].item).toBe("broken_truncated_garmin_basecamp.gpx");
    expect(errors[0].message).toMatch(/incomplete/);
    expect(errors[0].message).toMatch(/line 57/);
    expect(errors[0].message).toMatch(/<gpx>/);
  });

  it("says no track was found in a well-formed GPX without track points", async () => {
    const text = readFileSync(path.join(__dirname, "fixtures/gpx/broken_truncated_garmin_basecamp.gpx"), "utf8");
    const closed = new TextEncoder().encode(`${text.slice(0, text.lastIndexOf("<wpt"))}</gpx>\n`);
    const { sessions, errors } = await parseActivityFile("waypoints.gpx", closed, { timeZone: "UTC" });
    expect(sessions).toEqual([]);
    expect(errors[0].message).toMatch(/^No track found/);
    expect(errors[0].message).toMatch(/waypoints \(\d+\)/);
  });

  it("reports malformed XML with its line", async () => {
    const bad = new TextEncoder().encode('<?xml version="1.0"?>\n<gpx>\n<trk><trkseg></trk>\n</gpx>');
    const { errors } = await parseActivityFile("bad.gpx", bad, { timeZone: "UTC" });
    expect(errors[0].message).toMatch(/not well-formed XML \(line 3/);
  });
});

describe("TCX", () => {
  const lapTotals = () => {
    const text = readFileSync(path.join(__dirname, "fixtures/tcx/garmin_fr410_run_3laps_hr.tcx"), "utf8");
    const laps = [...text.matchAll(/<Lap [^>]*>\s*<TotalTimeSeconds>([\d.]+)<\/TotalTimeSeconds>\s*<DistanceMeters>([\d.]+)</g)];
    return {
      count: laps.length,
      seconds: laps.reduce((t, m) => t + Number(m[1]), 0),
      metres: laps.reduce((t, m) => t + Number(m[2]), 0),
    };
  };

  it("matches the laps' own totals and SOURCES.md", async () => {
    const { sessions, errors } = await parse("tcx/garmin_fr410_run_3laps_hr.tcx");
    expect(errors).toEqual([]);
    expect(sessions).toHaveLength(1);
    const s = sessions[0];
    const laps = lapTotals();
    expect(laps.count).toBe(3);
    within1pct((s.distanceKm as number) * 1000, laps.metres);
    within1pct(s.durationMin * 60, laps.seconds);
    within1pct((s.distanceKm as number) * 1000, 4689);
    within1pct(s.durationMin * 60, 1993);
    expect(s).toMatchObject({ type: "RUN", source: "TCX", date: "2012-12-26", startTime: "2012-12-26T21:29:53.000Z" });
    expect(s.avgHr).toBeGreaterThan(100);
    expect(s.movingMin).toBeDefined();
  });

  it("refuses the file whose root element was removed", async () => {
    const { sessions, errors } = await parse("tcx/broken_malformed_fr410.tcx");
    expect(sessions).toEqual([]);
    expect(errors).toEqual([
      { item: "broken_malformed_fr410.tcx", message: expect.stringMatching(/TrainingCenterDatabase.*missing/) },
    ]);
  });
});

describe("FIT", () => {
  const sessionRecord = () => {
    const { messages } = new Decoder(Stream.fromByteArray(fixture("fit/garmin_fenix2_run_hr.fit"))).read();
    return messages.sessionMesgs?.[0] as { totalDistance: number; totalElapsedTime: number; totalTimerTime: number };
  };

  it("matches the session record and SOURCES.md", async () => {
    const { sessions, errors } = await parse("fit/garmin_fenix2_run_hr.fit");
    expect(errors).toEqual([]);
    expect(sessions).toHaveLength(1);
    const s = sessions[0];
    const summary = sessionRecord();
    within1pct((s.distanceKm as number) * 1000, summary.totalDistance);
    within1pct(s.durationMin * 60, summary.totalElapsedTime);
    within1pct(s.movingMin as number, summary.totalTimerTime / 60);
    within1pct(s.distanceKm, 9.01);
    within1pct(s.durationMin, 47.2);
    expect(s).toMatchObject({
      type: "RUN",
      source: "FIT",
      date: "2015-08-15",
      startTime: "2015-08-15T14:45:08.000Z",
      externalId: "fit:3882015183:1439652761",
      elevationGainM: 64,
    });
    // The session record has no average HR; it comes from the records.
    expect(s.avgHr).toBeGreaterThan(100);
    expect(s.avgHr).toBeLessThan(200);
  });

  it("refuses a truncated file with a clear reason", async () => {
    const { sessions, errors } = await parse("fit/broken_truncated_unexpected_eof.fit");
    expect(sessions).toEqual([]);
    expect(errors).toEqual([
      {
        item: "broken_truncated_unexpected_eof.fit",
        message: "This FIT file is incomplete (it ends before its last record); re-export it from your device or app",
      },
    ]);
  });

  it("refuses a file that is not FIT at all", async () => {
    const { errors } = await parseActivityFile("x.fit", new TextEncoder().encode("hello, world"), { timeZone: "UTC" });
    expect(errors[0].message).toMatch(/not a FIT file/);
  });

  it("refuses a file whose checksum does not match", async () => {
    const bytes = fixture("fit/garmin_fenix2_run_hr.fit").slice();
    bytes[bytes.length - 1] ^= 0xff;
    const { sessions, errors } = await parseActivityFile("crc.fit", bytes, { timeZone: "UTC" });
    expect(sessions).toEqual([]);
    expect(errors[0].message).toMatch(/damaged|incomplete/);
  });

  it("reads an upper-case .FIT name as written by the watches", async () => {
    const { sessions } = await parseActivityFile("5A1B2C3D.FIT", fixture("fit/garmin_fenix2_run_hr.fit"), { timeZone: "UTC" });
    expect(sessions).toHaveLength(1);
  });
});

describe("re-import", () => {
  it("gives the same content hash and external id for the same file parsed twice", async () => {
    for (const rel of ["gpx/garmin_connect_run_hr.gpx", "tcx/garmin_fr410_run_3laps_hr.tcx", "fit/garmin_fenix2_run_hr.fit"]) {
      const a = (await parse(rel)).sessions[0];
      const b = (await parse(rel)).sessions[0];
      expect(a.contentHash).toBe(b.contentHash);
      expect(a.externalId).toBe(b.externalId);
    }
  });

  it("keeps the hash independent of the athlete's time zone when the start instant is known", async () => {
    const madrid = (await parse("fit/garmin_fenix2_run_hr.fit", "Europe/Madrid")).sessions[0];
    const tokyo = (await parse("fit/garmin_fenix2_run_hr.fit", "Asia/Tokyo")).sessions[0];
    expect(madrid.contentHash).toBe(tokyo.contentHash);
  });

  it("gives different activities different hashes", async () => {
    const hashes = new Set<string | undefined>();
    for (const rel of ["gpx/garmin_connect_run_hr.gpx", "gpx/tomtom_run_2seg_no_hr.gpx", "tcx/garmin_fr410_run_3laps_hr.tcx", "fit/garmin_fenix2_run_hr.fit"]) {
      hashes.add((await parse(rel)).sessions[0].contentHash);
    }
    expect(hashes.size).toBe(4);
  });
});
