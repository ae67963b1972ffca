import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { historyCsv, HISTORY_CSV_COLUMNS, type HistoryDay } from "./history-csv";

const day = (over: Partial<HistoryDay> = {}): HistoryDay => ({
  date: "2026-06-01",
  sessions: 0,
  loadAu: 0,
  durationMin: 0,
  runKm: 0,
  acuteMean7: null,
  chronicMean28: null,
  acwrEwma: null,
  monotony: null,
  painNrs: null,
  painZones: [],
  ostrcSeverity: null,
  ...over,
});

describe("history CSV", () => {
  it("has one row per day with the load, metrics and pain columns", () => {
    const csv = historyCsv([
      day(),
      day({ date: "2026-06-02", sessions: 2, loadAu: 300, durationMin: 60, runKm: 10.5, acuteMean7: 42.9, chronicMean28: 10.7, acwrEwma: 1.42, monotony: 0.41, painNrs: 6, painZones: ["CERVICAL", "LUMBAR"], ostrcSeverity: 38 }),
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...HISTORY_CSV_COLUMNS]);
    expect(rows[0]).toMatchObject({ date: "2026-06-01", sessions: "0", srpe_load_au: "0", acwr_ewma: "", worst_pain_nrs: "", pain_zones: "" });
    expect(rows[1]).toEqual({
      date: "2026-06-02",
      sessions: "2",
      srpe_load_au: "300",
      duration_min: "60",
      run_km: "10.5",
      load_7d_mean_au: "42.9",
      load_28d_mean_au: "10.7",
      acwr_ewma: "1.42",
      monotony: "0.41",
      worst_pain_nrs: "6",
      pain_zones: "cervical lumbar",
      ostrc_severity: "38",
    });
  });
});
