import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkUploadSizes, MAX_ARCHIVE_ENTRIES, MAX_BATCH_BYTES, MAX_FILE_BYTES, newUploadBudget, parseActivityFile } from "./index";
import { stravaCsv } from "./testing";
import { hostileArchives } from "./hostile-archives";

const fixture = (rel: string) => new Uint8Array(readFileSync(path.join(__dirname, "fixtures", rel)));
const gz = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));
const MB = 1024 * 1024;

const row = (id: string, date: string, over: Record<string, string> = {}) => ({
  "Activity ID": id,
  "Activity Date": date,
  "Activity Name": `Activity ${id}`,
  "Activity Type": "Run",
  "Elapsed Time": "1800",
  Distance: "5.00",
  "Elapsed Time@2": "1800.0",
  "Moving Time": "1750.0",
  "Distance@2": "5000.0",
  Filename: `activities/${id}.gpx.gz`,
  ...over,
});

describe("Strava bulk export zip", () => {
  const build = () =>
    zipSync({
      "export_123/activities.csv": strToU8(
        stravaCsv([
          row("1001", "Mar 1, 2020, 7:00:00 AM"),
          row("1002", "Mar 2, 2020, 7:00:00 AM", { Filename: "activities/1002.fit.gz" }),
          // Unreadable row whose file is in the archive: the file stands in for it.
          row("1003", "not a date", { Filename: "activities/1003.tcx.gz" }),
          // Unreadable row without a file.
          row("1004", "", { Filename: "" }),
        ]),
      ),
      // Named by row 1001: not opened, the row already has the figures.
      "export_123/activities/1001.gpx.gz": gz(fixture("gpx/garmin_connect_run_hr.gpx")),
      // Named by row 1002 but not in the archive: nothing to do.
      "export_123/activities/1003.tcx.gz": gz(fixture("tcx/garmin_fr410_run_3laps_hr.tcx")),
      // Named by no row: read on its own.
      "export_123/activities/2002.gpx.gz": gz(fixture("gpx/tomtom_run_2seg_no_hr.gpx")),
      "export_123/activities/3003.fit.gz": gz(fixture("fit/broken_truncated_unexpected_eof.fit")),
      "export_123/profile.csv": strToU8("Athlete ID,Email\n1,a@b.c\n"),
      "export_123/media/abc.jpg": new Uint8Array([0xff, 0xd8, 0xff]),
      "__MACOSX/._activities.csv": new Uint8Array([0]),
    });

  it("uses the CSV rows, reads unlisted files, and reports broken ones per file", async () => {
    const { sessions, errors, skipped } = await parseActivityFile("export_123.zip", build(), { timeZone: "Europe/Madrid" });
    const ids = sessions.map((s) => s.externalId).sort();
    expect(ids).toEqual(["strava:1001", "strava:1002", "strava:1003", "strava:2002"]);
    expect(sessions.every((s) => s.source === "STRAVA")).toBe(true);

    const fromRow = sessions.find((s) => s.externalId === "strava:1001");
    expect(fromRow).toMatchObject({ date: "2020-03-01", distanceKm: 5, durationMin: 30, sourceFile: "export_123.zip: export_123/activities.csv row 2" });

    const fromFallback = sessions.find((s) => s.externalId === "strava:1003");
    expect(fromFallback).toMatchObject({ date: "2012-12-26", distanceKm: 4.689, sourceFile: "export_123.zip: export_123/activities/1003.tcx.gz" });

    const unlisted = sessions.find((s) => s.externalId === "strava:2002");
    expect(unlisted?.date).toBe("2017-05-27");

    expect(errors).toEqual([
      { item: "export_123.zip: export_123/activities.csv row 5", message: "Activity Date is empty" },
      {
        item: "export_123.zip: export_123/activities/3003.fit.gz",
        message: "This FIT file is incomplete (it ends before its last record); re-export it from your device or app",
      },
    ]);
    expect(skipped).toBeUndefined();
  });

  it("reports progress through the archive", async () => {
    const calls: [number, number][] = [];
    await parseActivityFile("export.zip", build(), { timeZone: "UTC", onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)?.[0]).toBe(calls.at(-1)?.[1]);
  });
});

describe("zip of plain files", () => {
  it("parses each file and keeps going past broken ones", async () => {
    const zip = zipSync({
      "run.gpx": fixture("gpx/garmin_connect_run_hr.gpx"),
      "watch/RUN.FIT": fixture("fit/garmin_fenix2_run_hr.fit"),
      "laps.tcx.gz": gz(fixture("tcx/garmin_fr410_run_3laps_hr.tcx")),
      "broken.tcx": fixture("tcx/broken_malformed_fr410.tcx"),
      "notes.txt": strToU8("hello"),
      "Activities.csv": fixture("csv/garmin_connect_activities_2025-05.csv"),
      ".DS_Store": new Uint8Array([1, 2, 3]),
    });
    const { sessions, errors } = await parseActivityFile("mixed.zip", zip, { timeZone: "Europe/Madrid" });
    expect(sessions).toHaveLength(3 + 56);
    expect(sessions.filter((s) => s.source === "GPX")).toHaveLength(1);
    expect(sessions.filter((s) => s.source === "FIT")).toHaveLength(1);
    expect(sessions.filter((s) => s.source === "TCX")).toHaveLength(1);
    expect(errors).toEqual([
      { item: "mixed.zip", message: expect.stringMatching(/^Unsupported file type.*1 file in the archive skipped \(notes\.txt\)/) },
      { item: "mixed.zip: broken.tcx", message: expect.stringMatching(/TrainingCenterDatabase/) },
    ]);
  });

  it("imports the same activity once when an upload holds it twice", async () => {
    const zip = zipSync({ "a.fit": fixture("fit/garmin_fenix2_run_hr.fit"), "copy/a.fit": fixture("fit/garmin_fenix2_run_hr.fit") });
    const { sessions, skipped } = await parseActivityFile("twice.zip", zip, { timeZone: "UTC" });
    expect(sessions).toHaveLength(1);
    expect(skipped).toEqual([{ item: "twice.zip: copy/a.fit", message: expect.stringMatching(/Same activity as twice.zip: a.fit/) }]);
  });

  it("refuses a damaged archive", async () => {
    const zip = zipSync({ "run.gpx": fixture("gpx/garmin_connect_run_hr.gpx") });
    const { sessions, errors } = await parseActivityFile("cut.zip", zip.slice(0, zip.length - 30), { timeZone: "UTC" });
    expect(sessions).toEqual([]);
    expect(errors).toEqual([{ item: "cut.zip", message: expect.stringMatching(/damaged or incomplete/) }]);
  });

  it("skips one damaged entry and reads the rest", async () => {
    const zip = zipSync({ "a.gpx": fixture("gpx/garmin_connect_run_hr.gpx"), "b.gpx": fixture("gpx/tomtom_run_2seg_no_hr.gpx") });
    // Corrupt the deflate stream of the first entry: its data starts after the 30-byte local header and name.
    const bad = zip.slice();
    for (let i = 30 + "a.gpx".length; i < 30 + "a.gpx".length + 40; i++) bad[i] = 0xff;
    const { sessions, errors } = await parseActivityFile("half.zip", bad, { timeZone: "UTC" });
    expect(sessions).toHaveLength(1);
    expect(errors).toEqual([{ item: "half.zip: a.gpx", message: expect.stringMatching(/damaged/) }]);
  });
});

describe("archive guards", () => {
  it("refuses an entry that claims to expand past the limits, without inflating it", async () => {
    const zip = zipSync({ "big.gpx": strToU8("<gpx/>") });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const claimed = 600 * MB;
    view.setUint32(22, claimed, true); // local header: uncompressed size
    for (let i = 0; i < zip.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, claimed, true); // central directory
    }
    const { sessions, errors } = await parseActivityFile("bomb.zip", zip, { timeZone: "UTC" });
    expect(sessions).toEqual([]);
    expect(errors).toEqual([{ item: "bomb.zip: big.gpx", message: expect.stringMatching(/expands to 600 MB; the limit is 25 MB/) }]);
  });

  it("refuses an archive with too many entries", async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ARCHIVE_ENTRIES; i++) files[`f${i}.gpx`] = new Uint8Array(0);
    const { errors } = await parseActivityFile("many.zip", zipSync(files, { level: 0 }), { timeZone: "UTC" });
    expect(errors).toEqual([{ item: "many.zip", message: `This archive lists more than ${MAX_ARCHIVE_ENTRIES} files` }]);
  });

  it("refuses a .gz that is not gzip", async () => {
    const { errors } = await parseActivityFile("1.fit.gz", fixture("fit/garmin_fenix2_run_hr.fit"), { timeZone: "UTC" });
    expect(errors[0].message).toMatch(/not gzip/);
  });

  it("does not open archives nested too deep", async () => {
    const inner = zipSync({ "deeper.zip": zipSync({ "run.gpx": fixture("gpx/garmin_connect_run_hr.gpx") }) });
    const outer = zipSync({ "inner.zip": inner });
    const { sessions, errors } = await parseActivityFile("outer.zip", outer, { timeZone: "UTC" });
    expect(sessions).toEqual([]);
    expect(errors[0]).toMatchObject({ item: "outer.zip: inner.zip: deeper.zip" });
  });
});

describe("single files", () => {
  it("refuses an unsupported extension", async () => {
    expect(await parseActivityFile("route.kml", strToU8("<kml/>"), { timeZone: "UTC" })).toEqual({
      sessions: [],
      errors: [{ item: "route.kml", message: expect.stringMatching(/^Unsupported file type/) }],
    });
    const noExt = await parseActivityFile("README", strToU8("x"), { timeZone: "UTC" });
    expect(noExt.errors[0].message).toMatch(/^Unsupported file type/);
  });

  it("refuses an empty file", async () => {
    const { errors } = await parseActivityFile("empty.gpx", new Uint8Array(0), { timeZone: "UTC" });
    expect(errors[0].message).toMatch(/empty/);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const { errors } = await parseActivityFile("huge.gpx", new Uint8Array(MAX_FILE_BYTES + 1), { timeZone: "UTC" });
    expect(errors).toEqual([{ item: "huge.gpx", message: "huge.gpx is 25.1 MB; the limit is 25 MB per file" }]);
  });

  it("throws only for an unknown time zone, a caller's mistake", async () => {
    await expect(parseActivityFile("a.gpx", strToU8("<gpx/>"), { timeZone: "Mars/Olympus" })).rejects.toThrow(RangeError);
  });
});

describe("checkUploadSizes", () => {
  it("accepts files within the limits", () => {
    expect(checkUploadSizes([{ name: "run.fit", size: 200_000 }, { name: "export.zip", size: 80 * MB }])).toEqual([]);
  });

  it("names each file over its limit and the batch over the total", () => {
    expect(checkUploadSizes([{ name: "activities.zip", size: 140 * MB }])).toEqual([
      { item: "activities.zip", message: expect.stringMatching(/^activities\.zip is 140 MB; the limit is 100 MB per upload/) },
    ]);
    expect(checkUploadSizes([{ name: "long.gpx", size: 30 * MB }])).toEqual([
      { item: "long.gpx", message: "long.gpx is 30 MB; the limit is 25 MB per file" },
    ]);
    expect(checkUploadSizes([{ name: "empty.fit", size: 0 }])).toEqual([{ item: "empty.fit", message: "empty.fit is empty" }]);
    const batch = checkUploadSizes([
      { name: "a.zip", size: 60 * MB },
      { name: "b.zip", size: 50 * MB },
    ]);
    expect(batch).toEqual([{ item: "upload", message: "These 2 files add up to 110 MB; the limit is 100 MB per upload" }]);
    expect(MAX_BATCH_BYTES).toBe(100 * MB);
  });

  it("never rounds a size down to the limit it exceeds", () => {
    expect(checkUploadSizes([{ name: "x.zip", size: MAX_BATCH_BYTES + 1000 }])[0].message).toMatch(/^x\.zip is 100\.1 MB/);
  });
});

describe("hostile archives", () => {
  it("are each refused quickly, without inflating what they describe", { timeout: 60_000 }, async () => {
    const archives = await hostileArchives();
    for (const archive of archives) {
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      const budget = newUploadBudget();
      const room = budget.uncompressedLeft;
      const { sessions, errors } = await parseActivityFile(archive.name, archive.bytes, { timeZone: "UTC", budget });
      const inflatedMb = (room - budget.uncompressedLeft) / MB;
      const grewMb = (process.memoryUsage().rss - rssBefore) / MB;
      expect(sessions, archive.description).toEqual([]);
      expect(errors.length, archive.description).toBeGreaterThan(0);
      // What was inflated is counted, not timed (scripts/bench-archives.ts prints the times); memory is a
      // generous bound for a shared test machine.
      // They describe gigabytes; none gets more than one file's limit inflated.
      expect(inflatedMb, archive.description).toBeLessThanOrEqual(MAX_FILE_BYTES / MB);
      expect(grewMb, archive.description).toBeLessThan(100);
    }
  });

  it("say why in words", { timeout: 60_000 }, async () => {
    const byName = new Map((await hostileArchives()).map((a) => [a.name, a]));
    const errorsOf = async (name: string) => (await parseActivityFile(name, byName.get(name)!.bytes, { timeZone: "UTC" })).errors;
    expect(await errorsOf("liar.zip")).toEqual([{ item: "liar.zip: run.gpx", message: "This archive entry expands to more than the size it declares; it was not read" }]);
    // The copies point at run0.gpx's header, whose name is not theirs.
    expect((await errorsOf("overlap.zip"))[0].message).toMatch(/^An entry of this archive \(run\d.gpx\) has a different name in its header; it does not look like an archive/);
    const nested = await errorsOf("nested-entries.zip");
    // The outer archive's ten entries leave 19,990 for the rest: each inner archive is refused unread.
    expect(nested.filter((e) => /list more than 20000 files together/.test(e.message))).toHaveLength(10);
    const bombs = await errorsOf("gz-bombs.zip");
    expect(bombs.filter((e) => /expands more than 100 times its size/.test(e.message))).toHaveLength(5);
    expect(bombs.filter((e) => /too many damaged entries/.test(e.message)).length).toBeGreaterThan(900);
    const five = await errorsOf("five-99mb.zip");
    expect(five).toHaveLength(5);
    expect(five[0]).toEqual({ item: "five-99mb.zip: run0.fit", message: "This file expands to 99 MB; the limit is 25 MB" });
    expect((await errorsOf("five-99mb-zips.zip"))[0].message).toMatch(/would expand \d+ times; files that compress more than 100 to 1 are not unpacked/);
    expect((await errorsOf("repeated.zip"))[0].message).toMatch(/^This archive lists run.gpx more than once/);
    expect((await errorsOf("run.fit.gz"))[0].message).toMatch(/run.fit.gz expands to more than 25 MB/);
  });

  it("an entry whose data runs into the next one's is refused", async () => {
    const zip = zipSync({ "a.gpx": strToU8("<gpx>aaaa</gpx>"), "b.gpx": strToU8("<gpx>bbbb</gpx>") }, { level: 0 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // a.gpx claims 40 more bytes, in its local header and in the table of contents: b.gpx's header is inside it.
    const grow = (at: number) => {
      view.setUint32(at, view.getUint32(at, true) + 40, true);
      view.setUint32(at + 4, view.getUint32(at + 4, true) + 40, true);
    };
    grow(18);
    for (let i = 0; i < zip.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50 && view.getUint16(i + 46, true) === 0x2e61) grow(i + 20);
    const { errors } = await parseActivityFile("overlap2.zip", zip, { timeZone: "UTC" });
    expect(errors[0].message).toMatch(/^Entries of this archive overlap \(a.gpx and b.gpx share bytes\)/);
  });

  it("shares one budget among the files of an upload", async () => {
    const budget = newUploadBudget();
    budget.entriesLeft = 3;
    const zip = zipSync({ "a.gpx": fixture("gpx/garmin_connect_run_hr.gpx"), "b.gpx": fixture("gpx/tomtom_run_2seg_no_hr.gpx") });
    expect((await parseActivityFile("one.zip", zip, { timeZone: "UTC", budget })).sessions).toHaveLength(2);
    const second = await parseActivityFile("two.zip", zip, { timeZone: "UTC", budget });
    expect(second.sessions).toEqual([]);
    expect(second.errors[0].message).toMatch(/list more than 20000 files together/);
    const late = newUploadBudget(Date.now() - 60_000);
    const timedOut = await parseActivityFile("three.zip", zip, { timeZone: "UTC", budget: late });
    expect(timedOut.errors[0].message).toMatch(/^Reading this upload took longer than 20 seconds; 2 files of this archive were not read/);
  });

  it("a damaged entry's checksum is caught and the other entries still read", async () => {
    const gpx = fixture("gpx/garmin_connect_run_hr.gpx");
    const zip = zipSync({ "a.gpx": gpx, "b.gpx": strToU8("<gpx>broken</gpx>") }, { level: 0 });
    // Flip a byte inside b.gpx's stored data: its CRC no longer matches.
    const at = Buffer.from(zip).indexOf("broken");
    zip[at] = "B".charCodeAt(0);
    const { sessions, errors } = await parseActivityFile("two.zip", zip, { timeZone: "UTC" });
    expect(sessions).toHaveLength(1);
    expect(errors).toEqual([{ item: "two.zip: b.gpx", message: "This archive entry is damaged and could not be unpacked" }]);
  });
});
