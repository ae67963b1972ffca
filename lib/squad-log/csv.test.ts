import { describe, expect, it } from "vitest";
import { readSquadLogCsv, SQUAD_LOG_MAX_ROWS, SquadLogFileError } from "@/lib/squad-log/csv";

describe("readSquadLogCsv", () => {
  it("reads rows by header name, in the coach's unit unless the header names one", () => {
    const file = readSquadLogCsv(
      "\ufeffEmail,Date,Type,Distance,Minutes,RPE,Notes,Shoe\r\nana@example.test,2026-03-02,,8,45,6,easy,Pegasus\r\nBen Ode,2026/03/03,Cycling,20,1:10,,,\r\n",
      "MI",
    );
    expect(file.ignoredColumns).toEqual(["Shoe"]);
    expect(file.rows).toEqual([
      {
        row: 2,
        athlete: "ana@example.test",
        draft: { athlete: "ana@example.test", date: "2026-03-02", type: "RUN", subType: null, distanceKm: 12.875, durationMin: 45, rpe: 6, notes: "easy" },
      },
      {
        row: 3,
        athlete: "Ben Ode",
        draft: { athlete: "Ben Ode", date: "2026-03-03", type: "CROSS_TRAINING", subType: "CYCLING", distanceKm: 32.187, durationMin: 70, rpe: null, notes: null },
      },
    ]);
    const km = readSquadLogCsv("athlete;date;distance (km);duration\nAna;2026-03-02;8,5;45\n", "MI");
    expect(km.rows[0].draft?.distanceKm).toBe(8.5);
  });

  it("rejects each bad row with its reason and reads the others", () => {
    const { rows } = readSquadLogCsv(
      [
        "Athlete,Date,Type,Distance,Minutes,RPE",
        "Ana,03/02/2026,run,8,45,",
        "Ana,2026-02-30,run,8,45,",
        "Ana,2026-03-02,yoga,,45,",
        "Ana,2026-03-02,run,,45,",
        "Ana,2026-03-02,run,8,forty,",
        "Ana,2026-03-02,run,8,45,12",
        ",2026-03-02,run,8,45,",
        "Ana,2026-03-02,core,,30,4",
      ].join("\n"),
      "KM",
    );
    expect(rows.map((r) => r.error ?? "ok")).toEqual([
      "Date “03/02/2026” is not a date: write it as YYYY-MM-DD",
      "Date “2026-02-30” is not a date: write it as YYYY-MM-DD",
      expect.stringMatching(/^Type “yoga” is not one we know/),
      "A run needs its distance",
      "Minutes “forty” is not a number: write 45, or 1:15 for an hour and a quarter",
      "RPE “12” is not a whole number from 0 to 10",
      "The athlete is empty: give their email or name",
      "ok",
    ]);
  });

  it("keeps a formula as text: never a number, a date or a known type, and notes stay as written", () => {
    const { rows } = readSquadLogCsv('Name,Date,Distance,Minutes,Notes\n=HYPERLINK("x"),2026-03-02,=1+1,45,\nAna,2026-03-02,8,45,"=cmd|\' /C calc\'!A0"\n', "KM");
    expect(rows[0].error).toBe("Distance “=1+1” is not a number");
    expect(rows[1].draft?.notes).toBe("=cmd|' /C calc'!A0");
  });

  it("refuses a file without the columns it needs, or with more rows than the limit", () => {
    expect(() => readSquadLogCsv("Who,When\nAna,2026-03-02\n", "KM")).toThrow(SquadLogFileError);
    expect(() => readSquadLogCsv("Who,When\nAna,2026-03-02\n", "KM")).toThrow(/no Athlete \(or Name or Email\), Date, Minutes \(or Duration\) column/);
    expect(() => readSquadLogCsv("Athlete,Date,Minutes\n", "KM")).toThrow(/header and no sessions/);
    expect(() => readSquadLogCsv("", "KM")).toThrow(/empty/);
    const long = ["Athlete,Date,Distance,Minutes", ...Array.from({ length: SQUAD_LOG_MAX_ROWS + 1 }, () => "Ana,2026-03-02,8,45")].join("\n");
    expect(() => readSquadLogCsv(long, "KM")).toThrow(/more than 5,000 rows/);
    const exact = ["Athlete,Date,Distance,Minutes", ...Array.from({ length: SQUAD_LOG_MAX_ROWS }, () => "Ana,2026-03-02,8,45")].join("\n");
    expect(readSquadLogCsv(exact, "KM").rows).toHaveLength(SQUAD_LOG_MAX_ROWS);
  });

  it("refuses an unclosed quote and an overlong cell, and a row holding a control character", () => {
    expect(() => readSquadLogCsv('Athlete,Date,Minutes\n"Ana,2026-03-02,45\n', "KM")).toThrow(/never closed/);
    const { rows } = readSquadLogCsv(`Athlete,Date,Distance,Minutes,Notes\nAna,2026-03-02,8,45,${"x".repeat(1001)}\nAna,2026-03-02,8,45,a\u0000b\n`, "KM");
    expect(rows[0].error).toBe("The notes is longer than 1000 characters");
    expect(rows[1].error).toMatch(/control character/);
    expect(() => readSquadLogCsv(`Athlete,Date,Minutes\nAna,2026-03-02,${"9".repeat(9000)}\n`, "KM")).toThrow(/too long/);
  });
});
