import { describe, expect, it } from "vitest";
import { parseSeedArgs, UsageError } from "./seed-args";

describe("seed arguments", () => {
  it("seeds the demo squad by default", () => {
    expect(parseSeedArgs([])).toEqual({ club: false });
    expect(parseSeedArgs(["--athletes", "100", "--months=36", "--seed", "7", "--end", "2026-12-07"])).toEqual({
      club: false,
      athletes: 100,
      months: 36,
      seed: 7,
      endDate: "2026-12-07",
    });
  });

  it("takes --club alone or with a number of athletes", () => {
    expect(parseSeedArgs(["--club"])).toEqual({ club: true });
    expect(parseSeedArgs(["--club", "1000"])).toEqual({ club: true, athletes: 1000 });
    expect(parseSeedArgs(["--club=250", "--months", "12"])).toEqual({ club: true, athletes: 250, months: 12 });
    expect(parseSeedArgs(["--club", "--months", "12"])).toEqual({ club: true, months: 12 });
  });

  it("refuses a club size that is not a whole number, and --athletes beside --club", () => {
    expect(() => parseSeedArgs(["--club", "many"])).toThrow(UsageError);
    expect(() => parseSeedArgs(["--club=1e3"])).toThrow('--club needs a whole number, got "1e3"');
    expect(() => parseSeedArgs(["--club", "--athletes", "10"])).toThrow(/leave out --athletes/);
  });

  it("refuses unknown arguments and malformed values", () => {
    expect(() => parseSeedArgs(["--squads", "3"])).toThrow('Unknown argument "--squads"');
    expect(() => parseSeedArgs(["--months"])).toThrow(UsageError);
    expect(() => parseSeedArgs(["--end", "7/12/2026"])).toThrow(/YYYY-MM-DD/);
  });

  it("answers --help without seeding", () => {
    expect(parseSeedArgs(["--help"]).help).toBe(true);
  });
});
