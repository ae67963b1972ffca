import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseActivityFile } from "./index";
import { makeStravaCsv, stravaCsv, stravaHeader } from "./testing";

const enc = (text: string) => new TextEncoder().encode(text);
const garminText = () => readFileSync(path.join(__dirname, "fixtures/csv/garmin_connect_activities_2025-05.csv"), "utf8");

describe("Garmin Connect Activities.csv", () => {
  it("turns each of the 56 rows into a session", async () => {
    const { sessions, errors } = await parseActivityFile("Activities.csv", enc(garminText()), { timeZone: "Europe/Madrid" });
    expect(errors).toEqual([]);
    expect(sessions).toHaveLength(56);
    expect(sessions.filter((s) => s.type === "RUN")).toHaveLength(55);
    expect(sessions.filter((s) => s.name === "Trail Running" && s.type === "RUN")).toHaveLength(1);
    const cycling = sessions.filter((s) => s.type === "CROSS_TRAINING");
    expect(cycling).toHaveLength(1);
    expect(cycling[0]).toMatchObject({ subType: "CYCLING", date: "2025-05-04", avgHr: 136, durationMin: 12.92 });
    // "--" everywhere in the indoor ride: no ascent; "0.00" km and "00:00:00" moving time mean not measured.
    expect(cycling[0].elevationGainM).toBeUndefined();
    expect(cycling[0].distanceKm).toBeUndefined();
    expect(cycling[0].movingMin).toBeUndefined();
    expect(sessions.every((s) => s.source === "GARMIN" && s.externalId === undefined && /^[0-9a-f]{64}$/.test(s.contentHash ?? ""))).toBe(true);
  });

  it("reads the first row's figures, keeping the local date as written", async () => {
    const { sessions } = await parseActivityFile("Activities.csv", enc(garminText()), { timeZone: "America/Los_Angeles" });
    // Running,2025-05-07 17:53:16,... "6.00" km, Time 00:35:39, Avg HR 148, Total Ascent 200,
    // Moving Time 00:34:59, Elapsed Time 00:44:53.
    expect(sessions[0]).toMatchObject({
      date: "2025-05-07",
      type: "RUN",
      distanceKm: 6,
      durationMin: 44.88,
      movingMin: 34.98,
      avgHr: 148,
      elevationGainM: 200,
      startTime: "2025-05-08T00:53:16.000Z",
    });
  });

  it("reads thousands separators and fractional seconds", async () => {
    const { sessions } = await parseActivityFile("Activities.csv", enc(garminText()), { timeZone: "UTC" });
    const trail = sessions.find((s) => s.name === "Trail Running");
    // Trail Running: "20.77" km, Total Ascent "1,239", Elapsed "06:07:45", Moving "03:54:39".
    expect(trail).toMatchObject({ distanceKm: 20.77, elevationGainM: 1239, durationMin: 367.75, movingMin: 234.65, avgHr: 95 });
    // "City Running": Time "00:09:21.1", Moving Time "00:09:17.4", Elapsed Time "00:12:37".
    const city = sessions.find((s) => s.name === "City Running");
    expect(city).toMatchObject({ durationMin: 12.62, movingMin: 9.29 });
  });

  it("reports malformed rows and keeps the others", async () => {
    // The export has CRLF line ends; the edits keep them.
    const lines = garminText().trimEnd().split("\r\n");
    lines[2] = lines[2].replace("2025-05-06 18:07:33", "yesterday evening");
    lines[4] = lines[4].replace('"00:43:07"', '"--"').replace('"00:42:58","00:43:07"', '"--","--"');
    lines[6] = `${lines[6]},"extra"`;
    lines[8] = lines[8].replace(',"20.77",', ',"20.77"km,');
    const { sessions, errors } = await parseActivityFile("Activities.csv", enc(lines.join("\r\n")), { timeZone: "UTC" });
    // Row 5 keeps its distance but lost its times: kept, to be looked at, not counted.
    expect(sessions).toHaveLength(53);
    expect(sessions.filter((s) => s.reviewReason)).toEqual([expect.objectContaining({ durationMin: 0, reviewReason: "distance-without-time" })]);
    expect(errors).toEqual([
      { item: "Activities.csv row 3", message: 'Date "yesterday evening" is not a date' },
      { item: "Activities.csv row 7", message: "this row has 38 values but the header has 37 columns" },
      { item: "Activities.csv row 9", message: expect.stringMatching(/could not be read: a quote is misplaced/) },
    ]);
  });

  it("survives a quote that is never closed", async () => {
    const lines = garminText().trimEnd().split("\r\n");
    // A stray quote mid-file costs only its own row...
    lines[20] = lines[20].replace('"Running"', '"Running');
    // ...and a quote opened in the last row runs to the end of the file.
    lines[56] = lines[56].replace(/"(\d+)"$/, '"$1');
    const { sessions, errors } = await parseActivityFile("Activities.csv", enc(lines.join("\r\n")), { timeZone: "UTC" });
    expect(sessions.length).toBe(54);
    expect(errors).toEqual([
      { item: "Activities.csv row 21", message: expect.stringMatching(/quote is misplaced/) },
      { item: "Activities.csv row 57", message: expect.stringMatching(/never closed/) },
    ]);
  });
});

describe("Strava activities.csv", () => {
  const base = {
    "Activity ID": "12345678901",
    "Activity Date": "Oct 5, 2014, 4:15:21 PM",
    "Activity Name": "Morning Run, with hills",
    "Activity Type": "Run",
    "Elapsed Time": "3000",
    Distance: "10.02",
    "Elapsed Time@2": "3000.0",
    "Moving Time": "2900.0",
    "Distance@2": "10020.5",
    "Elevation Gain": "87.0",
    "Average Heart Rate": "151.4",
    Filename: "activities/12345678901.fit.gz",
  };

  it("keeps the duplicate columns apart: km and metres, seconds", async () => {
    expect(stravaHeader()).toHaveLength(99);
    const csv = stravaCsv([
      base,
      { ...base, "Activity ID": "2", "Activity Date": "Oct 6, 2014, 4:15:21 PM", "Distance@2": "", Distance: "10.02" },
      { ...base, "Activity ID": "3", "Activity Type": "Virtual Ride", "Distance@2": "40125.3", Distance: "40.13" },
      { ...base, "Activity ID": "4", "Activity Type": "Weight Training", "Distance@2": "0.0", Distance: "0.00", "Average Heart Rate": "" },
    ]);
    const { sessions, errors } = await parseActivityFile("activities.csv", enc(csv), { timeZone: "Europe/Madrid" });
    expect(errors).toEqual([]);
    expect(sessions).toHaveLength(4);
    expect(sessions[0]).toMatchObject({
      externalId: "strava:12345678901",
      source: "STRAVA",
      type: "RUN",
      date: "2014-10-05",
      startTime: "2014-10-05T16:15:21.000Z",
      durationMin: 50,
      movingMin: 48.33,
      distanceKm: 10.021,
      elevationGainM: 87,
      avgHr: 151,
      name: "Morning Run, with hills",
      sourceFile: "activities.csv row 2",
    });
    expect(sessions[1].distanceKm).toBe(10.02);
    expect(sessions[2]).toMatchObject({ type: "CROSS_TRAINING", subType: "CYCLING", distanceKm: 40.125 });
    expect(sessions[3]).toMatchObject({ type: "STRENGTH" });
    expect(sessions[3].distanceKm).toBeUndefined();
    expect(sessions[3].avgHr).toBeUndefined();
  });

  it("converts Strava's UTC Activity Date to the athlete's calendar day", async () => {
    const csv = stravaCsv([{ ...base, "Activity Date": "Oct 24, 2012, 11:30:00 PM" }]);
    const madrid = await parseActivityFile("activities.csv", enc(csv), { timeZone: "Europe/Madrid" });
    const newYork = await parseActivityFile("activities.csv", enc(csv), { timeZone: "America/New_York" });
    expect(madrid.sessions[0]).toMatchObject({ date: "2012-10-25", startTime: "2012-10-24T23:30:00.000Z" });
    expect(newYork.sessions[0]).toMatchObject({ date: "2012-10-24", startTime: "2012-10-24T23:30:00.000Z" });
    expect(madrid.sessions[0].contentHash).toBe(newYork.sessions[0].contentHash);
  });

  it("reports unreadable rows by row number", async () => {
    const csv = stravaCsv([
      base,
      { ...base, "Activity ID": "2", "Activity Date": "someday" },
      { ...base, "Activity ID": "3", "Elapsed Time": "", "Elapsed Time@2": "", "Moving Time": "", Distance: "", "Distance@2": "" },
      // A distance with no time is kept, marked for a look.
      { ...base, "Activity ID": "4", "Activity Date": "Oct 6, 2014, 4:15:21 PM", "Elapsed Time": "", "Elapsed Time@2": "", "Moving Time": "" },
    ]);
    const { sessions, errors } = await parseActivityFile("activities.csv", enc(csv), { timeZone: "UTC" });
    expect(sessions).toHaveLength(2);
    expect(sessions[1]).toMatchObject({ externalId: "strava:4", durationMin: 0, reviewReason: "distance-without-time" });
    expect(errors).toEqual([
      { item: "activities.csv row 3", message: 'Activity Date "someday" is not a date' },
      { item: "activities.csv row 4", message: "Elapsed Time is empty or not a number" },
    ]);
  });

  it("keeps one session when a list repeats an activity", async () => {
    const { sessions, skipped } = await parseActivityFile("activities.csv", enc(stravaCsv([base, base])), { timeZone: "UTC" });
    expect(sessions).toHaveLength(1);
    expect(skipped).toEqual([
      { item: "activities.csv row 3", message: "Same activity as activities.csv row 2 in this upload (2014-10-05), imported once" },
    ]);
  });

  it("dedupes the same activity from a Strava row and a GPX file by content hash", async () => {
    const gpx = new Uint8Array(readFileSync(path.join(__dirname, "fixtures/gpx/garmin_connect_run_hr.gpx")));
    const fromGpx = (await parseActivityFile("run.gpx", gpx, { timeZone: "Europe/Madrid" })).sessions[0];
    const csv = stravaCsv([
      {
        ...base,
        "Activity Date": "Oct 24, 2012, 11:29:40 PM",
        "Elapsed Time": String(Math.round(fromGpx.durationMin * 60)),
        "Distance@2": String((fromGpx.distanceKm as number) * 1000),
      },
    ]);
    const fromCsv = (await parseActivityFile("activities.csv", enc(csv), { timeZone: "Europe/Madrid" })).sessions[0];
    expect(fromCsv.contentHash).toBe(fromGpx.contentHash);
  });

  it("parses a large generated export completely", async () => {
    const { sessions, errors } = await parseActivityFile("activities.csv", enc(makeStravaCsv(500, 7)), { timeZone: "Europe/Madrid" });
    expect(errors).toEqual([]);
    expect(sessions).toHaveLength(500);
    expect(new Set(sessions.map((s) => s.externalId)).size).toBe(500);
    expect(makeStravaCsv(20, 3)).toBe(makeStravaCsv(20, 3));
  });
});

describe("other CSV files", () => {
  it("refuses a CSV of unknown shape", async () => {
    const { errors } = await parseActivityFile("shoes.csv", enc("Shoe,Brand\nPegasus,Nike\n"), { timeZone: "UTC" });
    expect(errors[0].message).toMatch(/neither a Strava activities.csv nor a Garmin Connect Activities.csv/);
  });

  it("refuses an empty CSV", async () => {
    const { errors } = await parseActivityFile("a.csv", enc("  \n"), { timeZone: "UTC" });
    expect(errors[0].message).toMatch(/empty/);
  });

  it("says so when a known CSV lists no activities (a header and nothing else, or a file cut short)", async () => {
    const garminHeader = garminText().split("\r\n")[0];
    for (const text of [garminHeader + "\r\n", garminHeader.slice(0, 120), stravaHeader().join(",") + "\n"]) {
      const { sessions, errors } = await parseActivityFile("activities.csv", enc(text), { timeZone: "UTC" });
      expect(sessions).toEqual([]);
      expect(errors.map((e) => e.message)).toEqual(["This CSV lists no activities: it has a header and no rows"]);
    }
  });
});
