/**
 * Builders shared by the engine's tests: dates relative to an anchor, sessions with defaults, and a
 * reference implementation of the metrics contract written straight from its definitions (slow on
 * purpose: no running sums) to check the one-pass kernel against.
 */
import { addDays } from "./dates";
import type { EngineMessage, EngineSession, DailyMetrics, Flag } from "./types";
import { engineText } from "@/lib/i18n/engine-text";

let nextId = 0;

export function day(anchor: string, offset: number): string {
  return addDays(anchor, offset);
}

export function run(date: string, distanceKm: number, extra: Partial<EngineSession> = {}): EngineSession {
  return { id: `r${++nextId}`, date, type: "RUN", durationMin: Math.round(distanceKm * 6), distanceKm, rpe: 5, ...extra };
}

export function session(date: string, type: EngineSession["type"], extra: Partial<EngineSession> = {}): EngineSession {
  return { id: `x${++nextId}`, date, type, durationMin: 30, rpe: 5, ...extra };
}

/** Loads per day from a start date, as metric entries (zero days after the first omitted, as gaps). */
export function entriesFrom(start: string, loads: number[]): { date: string; load: number }[] {
  const out: { date: string; load: number }[] = [];
  loads.forEach((load, i) => {
    if (load !== 0 || i === 0) out.push({ date: addDays(start, i), load });
  });
  return out;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The metrics contract computed literally from its definitions on daily loads L (day 0 first). */
export function referenceMetrics(L: number[], start: string): DailyMetrics[] {
  const out: DailyMetrics[] = [];
  let ea = 0;
  let ec = 0;
  const fit: number[] = [];
  const fat: number[] = [];
  for (let t = 0; t < L.length; t++) {
    ea = t === 0 ? L[0] : (2 / 8) * L[t] + (1 - 2 / 8) * ea;
    ec = t === 0 ? L[0] : (2 / 29) * L[t] + (1 - 2 / 29) * ec;
    const fPrev = t === 0 ? 0 : fit[t - 1];
    const aPrev = t === 0 ? 0 : fat[t - 1];
    fit.push(fPrev + (L[t] - fPrev) / 42);
    fat.push(aPrev + (L[t] - aPrev) / 7);
    const week = t >= 6 ? L.slice(t - 6, t + 1) : null;
    const acute = week ? mean(week) : null;
    const chronic = t >= 27 ? mean(L.slice(t - 27, t + 1)) : null;
    const unc = t >= 27 ? mean(L.slice(t - 27, t - 6)) : null;
    let monotony: number | null = null;
    if (week && acute !== null) {
      const sd = Math.sqrt(mean(week.map((x) => (x - acute) ** 2)));
      const allEqual = week.every((x) => x === week[0]);
      monotony = allEqual || sd === 0 ? null : acute / sd;
      if (monotony !== null && !Number.isFinite(monotony)) monotony = null;
    }
    const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
    out.push({
      date: addDays(start, t),
      load: L[t],
      acuteLoad7: acute,
      chronicLoad28: chronic,
      acwrRolling: ratio(acute, chronic),
      acwrRollingUncoupled: ratio(acute, unc),
      ewmaAcute: ea,
      ewmaChronic: ec,
      acwrEwma: t >= 27 ? ratio(ea, ec) : null,
      monotony,
      strain: monotony === null || !week ? null : week.reduce((a, b) => a + b, 0) * monotony,
      fitness: fit[t],
      fatigue: fat[t],
      form: t === 0 ? 0 : fit[t - 1] - fat[t - 1],
      rampRate: t >= 7 ? fit[t] - fit[t - 7] : null,
    });
  }
  return out;
}

/** |a - b| <= tol x max(1, |a|, |b|), nulls equal only to nulls. */
export function close(a: number | null, b: number | null, tol = 1e-9): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

export const METRIC_FIELDS = [
  "load",
  "acuteLoad7",
  "chronicLoad28",
  "acwrRolling",
  "acwrRollingUncoupled",
  "ewmaAcute",
  "ewmaChronic",
  "acwrEwma",
  "monotony",
  "strain",
  "fitness",
  "fatigue",
  "form",
  "rampRate",
] as const;

/** A flag's explanation in English words, as the UI renders it (tests read the sentences, the engine keeps codes). */
export function explain(flag: Pick<Flag, "explanation">, locale: "en" | "es" = "en"): string {
  return engineText(locale).flagExplanation(flag);
}

/** A suggestion's reason in words (English unless asked), as a reader sees it. */
export function reasonText(s: { reason: EngineMessage[] } | undefined, locale: "en" | "es" = "en"): string {
  return s ? engineText(locale).suggestionReason(s.reason) : "";
}
