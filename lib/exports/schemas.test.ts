import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { parseHistoryExportQuery, parseOwnPlanExportQuery, parsePlanExportQuery } from "./schemas";

const q = (s: string) => new URLSearchParams(s);

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).message;
  }
  throw new Error("expected a validation error");
}

describe("export query parameters", () => {
  it("accepts a range of up to 366 days and an optional athlete", () => {
    expect(parsePlanExportQuery(q("from=2028-01-01&to=2028-12-31&format=pdf"))).toEqual({ from: "2028-01-01", to: "2028-12-31", format: "pdf" });
    expect(parsePlanExportQuery(q("from=2026-01-05&to=2026-01-05&format=csv&athleteId=abc"))).toMatchObject({ athleteId: "abc" });
    expect(parsePlanExportQuery(q("from=2026-01-05&to=2026-01-11&format=ics&athleteId="))).not.toHaveProperty("athleteId", "");
  });

  it("explains what is wrong with a range", () => {
    expect(messageOf(() => parseHistoryExportQuery(q("to=2026-01-01")))).toContain("From is required");
    expect(messageOf(() => parseHistoryExportQuery(q("from=01/02/2026&to=2026-01-01")))).toContain("YYYY-MM-DD");
    expect(messageOf(() => parseHistoryExportQuery(q("from=2026-02-30&to=2026-03-01")))).toContain("not a real calendar day");
    expect(messageOf(() => parseHistoryExportQuery(q("from=2026-03-02&to=2026-03-01")))).toBe("To must be on or after From");
    expect(messageOf(() => parseHistoryExportQuery(q("from=2026-01-01&to=2027-01-02")))).toBe(
      "The range covers 367 days; export at most 366 days at a time",
    );
  });

  it("names the formats each export offers", () => {
    expect(messageOf(() => parsePlanExportQuery(q("from=2026-01-01&to=2026-01-02&format=xlsx")))).toBe("Format must be one of: csv, ics, pdf");
    expect(messageOf(() => parseOwnPlanExportQuery(q("from=2026-01-01&to=2026-01-02&format=ics")))).toBe("Format must be one of: csv, pdf");
    const error = (() => {
      try {
        parsePlanExportQuery(q("from=x&to=2026-01-02"));
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(Object.keys(error!.fieldErrors).sort()).toEqual(["format", "from"]);
  });
});
