import { describe, expect, it } from "vitest";
import { glanceStatus, lastCheckIn, lastWellness, ostrcSeverity } from "./glance";
import type { SafetyRecord } from "@/lib/safety/queries";

const noSafety: SafetyRecord = { holds: [], clearances: [] };
const hold = (state: "active" | "cleared" | "released", heldSessions: number, startDate = "2026-12-01") => ({
  id: `h-${state}`,
  startDate,
  emergency: false,
  state,
  heldSessions,
  releasedAt: null,
  releasedBy: null,
});

describe("the athlete's status line", () => {
  it("puts an open referral first, with its hold and the sessions it holds", () => {
    const flags = [
      { id: "session-spike" as const, severity: "warning" as const, date: "2026-12-05" },
      { id: "red-flag" as const, severity: "referral" as const, date: "2026-12-06", triage: { firstReportDate: "2026-12-04", emergency: false } as never },
    ];
    expect(glanceStatus(flags, { holds: [hold("active", 3, "2026-12-04")], clearances: [] })).toEqual({
      kind: "referral",
      since: "2026-12-04",
      holdFrom: "2026-12-04",
      heldSessions: 3,
    });
  });

  it("names an emergency referral as such", () => {
    const flags = [{ id: "red-flag" as const, severity: "referral" as const, date: "2026-12-06", triage: { emergency: true } as never }];
    expect(glanceStatus(flags, noSafety)).toMatchObject({ kind: "emergency", since: "2026-12-06", holdFrom: null, heldSessions: 0 });
  });

  it("after a clearance, counts the sessions still held; then the flags; then nothing", () => {
    const cleared: SafetyRecord = {
      holds: [hold("cleared", 2)],
      clearances: [{ id: "c", clearedOn: "2026-12-06", clinicianName: "Dr A", clinicianKind: "DOCTOR" as never, note: "ok", recordedBy: null, recordedAt: "" }],
    };
    expect(glanceStatus([], cleared)).toEqual({ kind: "cleared-held", clearedOn: "2026-12-06", heldSessions: 2 });
    expect(glanceStatus([{ id: "masters-athlete", severity: "info", date: "2026-12-06" }], { holds: [hold("released", 0)], clearances: [] })).toEqual({
      kind: "flags",
      count: 1,
    });
    expect(glanceStatus([], noSafety)).toEqual({ kind: "clear" });
  });
});

describe("the latest check-ins", () => {
  it("scores OSTRC with 'could not take part' as the worst answers and keeps the worst zone of the latest day", () => {
    expect(ostrcSeverity({ q1: 8, q2: 13, q3: 6, q4: 17 })).toBe(44);
    expect(ostrcSeverity({ q1: 25, q2: 0, q3: 0, q4: 8 })).toBe(83);
    expect(
      lastCheckIn([
        { date: "2026-12-01", zone: "lumbar", q1: 25, q2: 25, q3: 25, q4: 25 },
        { date: "2026-12-06", zone: "dorsal", q1: 0, q2: 0, q3: 0, q4: 8 },
        { date: "2026-12-06", zone: "lumbar", q1: 8, q2: 6, q3: 6, q4: 8 },
      ]),
    ).toEqual({ date: "2026-12-06", severity: 28, zone: "LUMBAR" });
    expect(lastCheckIn([])).toBeNull();
  });

  it("sums the latest wellness entry (5 best, 25 worst)", () => {
    expect(
      lastWellness([
        { date: "2026-12-05", sleep: 5, fatigue: 5, soreness: 5, stress: 5, mood: 5 },
        { date: "2026-12-06", sleep: 2, fatigue: 3, soreness: 2, stress: 1, mood: 2, backStiffness: 4 },
      ]),
    ).toEqual({ date: "2026-12-06", hooper: 10, backStiffness: 4 });
    expect(lastWellness([])).toBeNull();
  });
});
