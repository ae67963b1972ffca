import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { planCsv, PLAN_CSV_COLUMNS } from "./plan-csv";
import { planRow } from "./fixtures.test-data";

const read = (csv: string) => parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];

describe("plan CSV", () => {
  it("starts with a UTF-8 byte-order mark and a header row, and ends lines with CRLF", () => {
    const csv = planCsv([planRow()]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")[0]).toBe(PLAN_CSV_COLUMNS.join(","));
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("keeps commas, quotes, newlines and non-ASCII names intact", () => {
    const description = 'Warm up, then "plank" 3x30 s\nCool down: 5 min, easy';
    const rows = read(
      planCsv([
        planRow({ description, athleteName: "Zoë Ødegård, Jr.", squadName: "Łódź Runners" }),
        planRow({ id: "p2", date: "2026-12-02", type: "RUN", distanceKm: 12.345, durationMin: 70, title: "Long run", origin: "COACH", flagId: null, reason: null, description: null }),
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      date: "2026-12-01",
      weekday: "Tuesday",
      athlete: "Zoë Ødegård, Jr.",
      session: "Core 25 min",
      type: "Core",
      duration_min: "25",
      target_rpe: "5",
      description,
      origin: "Suggested",
      flag: "compensatory-deficit",
      reason: "Fewer than 2 core or strength sessions in 14 days; core work protects the lower back.",
      squad: "Łódź Runners",
    });
    expect(rows[1]).toMatchObject({ date: "2026-12-02", session: "Long run (Run, 12.3 km)", distance_km: "12.35", flag: "", reason: "", origin: "Coach" });
  });

  it("makes text that a spreadsheet would run as a formula inert", () => {
    const [row] = read(planCsv([planRow({ title: "=HYPERLINK(\"http://x\")", description: "- 3 x 10 bird dogs" })]));
    expect(row.title).toBe("'=HYPERLINK(\"http://x\")");
    expect(row.description).toBe("'- 3 x 10 bird dogs");
  });

  it("words a suggested session's reason parts in the exporter's language, with the machine column names", () => {
    const reasonParts = [{ code: "spike-shorten", params: { runKm: 7.25, runDay: "2026-12-01", likeDay: null, toKm: 5.5, min: 33 } }];
    const row = planRow({ reason: "Shorten the 7.3 km run planned for Tue 1 Dec to 5.5 km (about 33 min).", reasonParts });
    expect(read(planCsv([row], "es"))[0].reason).toBe("Acorta la carrera de 7,3 km prevista para el mar, 1 dic a 5,5 km (unos 33 min).");
    expect(read(planCsv([row], "en"))[0].reason).toBe("Shorten the 7.3 km run planned for Tue 1 Dec to 5.5 km (about 33 min).");
    // An older row has only its English words.
    expect(read(planCsv([planRow()], "es"))[0].reason).toBe(planRow().reason);
  });

  it("is a header alone when nothing is planned", () => {
    expect(read(planCsv([]))).toEqual([]);
  });
});
