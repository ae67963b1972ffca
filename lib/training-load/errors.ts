/**
 * Typed errors of the engine. Every invalid input is rejected with the path of the offending field
 * (e.g. "sessions[3].rpe") so that the caller can show it next to the right form control; the engine
 * never turns bad input into a silently wrong number.
 */

/** Why a field was rejected. */
export type EngineInputErrorCode =
  | "invalid-type"
  | "invalid-date"
  | "invalid-number"
  | "out-of-range"
  | "unknown-value"
  | "missing"
  | "inconsistent";

/** Invalid input given to an engine function; `field` names the offending field path. */
export class EngineInputError extends Error {
  readonly field: string;
  readonly code: EngineInputErrorCode;

  constructor(field: string, message: string, code: EngineInputErrorCode = "invalid-type") {
    super(`${field}: ${message}`);
    this.name = "EngineInputError";
    this.field = field;
    this.code = code;
  }
}

/** One problem found in a threshold override object. */
export interface ThresholdIssue {
  field: string;
  message: string;
}

/**
 * Threshold overrides that do not fit the stored shape (unknown key, wrong type or out of range).
 * `field` is the first offending key; `issues` lists all of them.
 */
export class ThresholdOverrideError extends EngineInputError {
  readonly issues: ThresholdIssue[];

  constructor(issues: ThresholdIssue[]) {
    const first = issues[0] ?? { field: "thresholds", message: "invalid threshold overrides" };
    super(first.field, issues.map((i) => `${i.field}: ${i.message}`).join("; "), "out-of-range");
    this.message = `invalid threshold overrides: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`;
    this.name = "ThresholdOverrideError";
    this.issues = issues;
  }
}
