import { spreadsheetCsv, type CsvCell } from "./csv";

/** One calendar day of an athlete's load and back pain. Null where there is nothing to say. */
export type HistoryDay = {
  date: string;
  sessions: number;
  loadAu: number;
  durationMin: number;
  runKm: number;
  /** Mean daily load over the 7 days ending on the date. */
  acuteMean7: number | null;
  /** Mean daily load over the 28 days ending on the date. */
  chronicMean28: number | null;
  acwrEwma: number | null;
  monotony: number | null;
  /** The day's worst back-pain rating (NRS 0-10), and the zones it was reported in. */
  painNrs: number | null;
  painZones: string[];
  ostrcSeverity: number | null;
};

export const HISTORY_CSV_COLUMNS = [
  "date",
  "sessions",
  "srpe_load_au",
  "duration_min",
  "run_km",
  "load_7d_mean_au",
  "load_28d_mean_au",
  "acwr_ewma",
  "monotony",
  "worst_pain_nrs",
  "pain_zones",
  "ostrc_severity",
] as const;

/** One row per day, every day of the range included, for a spreadsheet. */
export function historyCsv(days: readonly HistoryDay[]): string {
  const rows = days.map((d): CsvCell[] => [
    d.date,
    d.sessions,
    d.loadAu,
    d.durationMin,
    d.runKm,
    d.acuteMean7,
    d.chronicMean28,
    d.acwrEwma,
    d.monotony,
    d.painNrs,
    d.painZones.length ? d.painZones.map((z) => z.toLowerCase()).join(" ") : null,
    d.ostrcSeverity,
  ]);
  return spreadsheetCsv(HISTORY_CSV_COLUMNS, rows);
}
