import type { Flag, EngineOstrc, EngineWellness } from "@/lib/training-load/types";
import type { SafetyRecord } from "@/lib/safety/queries";
import { isEmergency } from "@/lib/athletes/flag-history";

/** The athlete's status line on their page. */
export type GlanceStatus =
  | { kind: "emergency" | "referral"; since: string; holdFrom: string | null; heldSessions: number }
  | { kind: "cleared-held"; clearedOn: string | null; heldSessions: number }
  | { kind: "flags"; count: number }
  | { kind: "clear" };

/** Severity of one OSTRC answer set (0-100), with "could not take part" counting as the worst answers. */
export function ostrcSeverity(o: Pick<EngineOstrc, "q1" | "q2" | "q3" | "q4">): number {
  const out = o.q1 === 25;
  return o.q1 + (out ? 25 : o.q2) + (out ? 25 : o.q3) + o.q4;
}

/** The latest weekly check-in: its day and its worst zone (zone in capitals, as pain reports name them). */
export function lastCheckIn(ostrc: EngineOstrc[]): { date: string; severity: number; zone: string } | null {
  let best: { date: string; severity: number; zone: string } | null = null;
  for (const o of ostrc) {
    const severity = ostrcSeverity(o);
    if (!best || o.date > best.date || (o.date === best.date && severity > best.severity)) {
      best = { date: o.date, severity, zone: o.zone.toUpperCase() };
    }
  }
  return best;
}

/** The latest daily wellness check-in: its Hooper sum (5 best, 25 worst) and back stiffness. */
export function lastWellness(entries: EngineWellness[]): { date: string; hooper: number; backStiffness: number | null } | null {
  const last = entries.reduce<EngineWellness | null>((a, w) => (!a || w.date > a.date ? w : a), null);
  if (!last) return null;
  return { date: last.date, hooper: last.sleep + last.fatigue + last.soreness + last.stress + last.mood, backStiffness: last.backStiffness ?? null };
}

/**
 * The athlete's status in one line: an open referral (emergency first) with its plan hold, a clearance
 * with sessions still held, the number of flags to look at, or nothing to look at.
 */
export function glanceStatus(flags: Pick<Flag, "id" | "severity" | "date" | "triage">[], safety: SafetyRecord): GlanceStatus {
  const referral = flags.find((f) => f.id === "red-flag");
  if (referral) {
    const active = safety.holds.filter((h) => h.state === "active");
    return {
      kind: isEmergency(referral) ? "emergency" : "referral",
      since: referral.triage?.firstReportDate ?? referral.date,
      holdFrom: active.at(-1)?.startDate ?? null,
      heldSessions: active.reduce((n, h) => n + h.heldSessions, 0),
    };
  }
  const cleared = safety.holds.filter((h) => h.state === "cleared");
  const held = cleared.reduce((n, h) => n + h.heldSessions, 0);
  if (held > 0) return { kind: "cleared-held", clearedOn: safety.clearances[0]?.clearedOn ?? null, heldSessions: held };
  return flags.length ? { kind: "flags", count: flags.length } : { kind: "clear" };
}
