export type SessionType = "RUN" | "CROSS_TRAINING" | "CORE" | "STRENGTH" | "MOBILITY" | "OTHER";
export type CrossTrainingMode = "CYCLING" | "SWIMMING" | "ELLIPTICAL" | "AQUA_JOGGING" | "ROWING" | "OTHER";
export type ImportSource = "FIT" | "GPX" | "TCX" | "STRAVA" | "GARMIN" | "INTERVALS";

export interface ParsedSession {
  /** Stable id from the source ("strava:<id>", "fit:<serial>:<time created>"); absent when the source has none. */
  externalId?: string;
  /** Local calendar day of the start in the athlete's time zone, "YYYY-MM-DD". */
  date: string;
  /** Start as an ISO-8601 UTC instant. */
  startTime?: string;
  type: SessionType;
  subType?: CrossTrainingMode;
  /** The sport as the source named it ("Ride", "Running / trail"); absent when the source names none. */
  sourceSport?: string;
  /** Set when the figures look implausible (lib/imports/plausibility.ts): imported, but left out of load. */
  reviewReason?: import("./plausibility").ReviewReason;
  /** Elapsed time, start to finish, pauses included. */
  durationMin: number;
  movingMin?: number;
  distanceKm?: number;
  elevationGainM?: number;
  avgHr?: number;
  source?: ImportSource;
  /** SHA-256 hex of the canonical summary, equal for the same activity from another file or export. */
  contentHash?: string;
  name?: string;
  /** The file (or archive entry, or CSV row) the session came from. */
  sourceFile?: string;
}

export interface ImportIssue {
  /** File name, "archive.zip: inner/path.gpx", or "activities.csv row N" (N counts the header as row 1). */
  item: string;
  message: string;
}

export interface ParsedImport {
  sessions: ParsedSession[];
  /** Files and rows that could not be read, each with a reason an athlete can act on. */
  errors: ImportIssue[];
  /**
   * Activities left out because the same upload already holds them (same external id or content hash);
   * present only when there are some.
   */
  skipped?: ImportIssue[];
}

export interface ParseOptions {
  /** IANA time zone of the athlete, e.g. "Europe/Madrid". */
  timeZone: string;
  /** Called as the entries of an archive are read, for progress display. */
  onProgress?: (done: number, total: number) => void;
  /** The upload's shared budget (lib/imports/limits.ts); a file read on its own gets a fresh one. */
  budget?: import("./limits").UploadBudget;
}
