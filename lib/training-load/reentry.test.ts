import { describe, expect, it } from "vitest";
import { buildFlagContext, evaluateFlags, flagsOn, compareFlags, thresholdsFromInput } from "./flags";
import { parseDay } from "./dates";
import { parseSessions, parsePainReports, parseOstrcList, parseProfile } from "./validate";
import { addDays } from "./dates";
import { run } from "./test-helpers";

const asOf = "2024-12-28";

function contextFor(kms: number[]) {
  const sessions = kms.map((km, i) => run(addDays(asOf, -kms.length + 1 + i), km));
  const end = parseDay(asOf, "asOf");
  const ctx = buildFlagContext({
    sessions: parseSessions(sessions, "sessions"),
    pains: parsePainReports([], "painReports"),
    ostrc: parseOstrcList([], "ostrc"),
    profile: parseProfile(undefined),
    thresholds: thresholdsFromInput(undefined),
    endDay: end,
  });
  return { ctx, end, sessions };
}

describe("flag contexts own their buffers", () => {
  it("a context built while another is in use does not change the first one's flags", () => {
    const a = contextFor([...Array.from({ length: 40 }, () => 5), 12]);
    const expected = evaluateFlags({ asOf, sessions: a.sessions, painReports: [] });
    // A second, different evaluation interleaves before the first context is read.
    const b = contextFor(Array.from({ length: 90 }, (_, i) => 3 + (i % 7)));
    evaluateFlags({ asOf, sessions: b.sessions, painReports: [] });
    expect(flagsOn(a.ctx, a.end).sort(compareFlags)).toEqual(expected);
    expect(expected.some((f) => f.id === "session-spike")).toBe(true);
  });
});
