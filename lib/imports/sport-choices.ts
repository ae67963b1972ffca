import { loadMinutesOf, reviewReasonOf } from "./plausibility";
import { sportKey, type SportMapping } from "./sport";
import type { ParsedSession } from "./types";

/** What an athlete can make of a source sport in an import: a session type (and mode), or skip it. */
export const SPORT_CHOICES = [
  "RUN",
  "CROSS_TRAINING:CYCLING",
  "CROSS_TRAINING:SWIMMING",
  "CROSS_TRAINING:ELLIPTICAL",
  "CROSS_TRAINING:AQUA_JOGGING",
  "CROSS_TRAINING:ROWING",
  "CROSS_TRAINING:OTHER",
  "STRENGTH",
  "CORE",
  "MOBILITY",
  "OTHER",
  "SKIP",
] as const;
export type SportChoice = (typeof SPORT_CHOICES)[number];

export const SPORT_CHOICE_LABEL: Record<SportChoice, string> = {
  RUN: "Run",
  "CROSS_TRAINING:CYCLING": "Cross-training: cycling",
  "CROSS_TRAINING:SWIMMING": "Cross-training: swimming",
  "CROSS_TRAINING:ELLIPTICAL": "Cross-training: elliptical",
  "CROSS_TRAINING:AQUA_JOGGING": "Cross-training: aqua jogging",
  "CROSS_TRAINING:ROWING": "Cross-training: rowing",
  "CROSS_TRAINING:OTHER": "Cross-training: other",
  STRENGTH: "Strength",
  CORE: "Core",
  MOBILITY: "Mobility",
  OTHER: "Other",
  SKIP: "Skip (do not import)",
};

/** The label of a sport with no name in its file (a GPX track without a type, say). */
export const UNNAMED_SPORT = "No sport named";

export function choiceOf(m: SportMapping): SportChoice {
  return m.type === "CROSS_TRAINING" ? (`CROSS_TRAINING:${m.subType ?? "OTHER"}` as SportChoice) : (m.type as SportChoice);
}

/** The session type a choice gives, or null for SKIP. */
export function mappingOf(choice: SportChoice): SportMapping | null {
  if (choice === "SKIP") return null;
  const [type, subType] = choice.split(":") as [SportMapping["type"], SportMapping["subType"]];
  return subType ? { type, subType } : { type };
}

/**
 * The session as the chosen type, its plausibility following (a record pace matters for runs only). A
 * SKIP choice leaves the session as it is. Pure and free of server modules, so that the preview can show
 * a choice at once; the content hash, which holds the type, is the caller's to redo (remapSession).
 */
export function applyChoice(s: ParsedSession, choice: SportChoice): ParsedSession {
  const m = mappingOf(choice);
  if (!m || (m.type === s.type && (m.subType ?? undefined) === (s.subType ?? undefined))) return s;
  const out: ParsedSession = { ...s, type: m.type };
  if (m.type === "CROSS_TRAINING") out.subType = m.subType ?? "OTHER";
  else delete out.subType;
  const review = reviewReasonOf(out);
  if (review) out.reviewReason = review;
  else delete out.reviewReason;
  return out;
}

export const keyOfSession = (s: Pick<ParsedSession, "sourceSport">): string => sportKey(s.sourceSport);

export type SportTotal = {
  /** sportKey of the source sport; "" for activities whose file names no sport. */
  key: string;
  label: string;
  count: number;
  km: number;
  /** Whole minutes: moving time when known, else duration. */
  minutes: number;
  /** What the file's sport maps to by itself. */
  defaultChoice: SportChoice;
  /** What the preview applies: the athlete's remembered choice, else the default. */
  choice: SportChoice;
};

/** Totals per source sport of the given sessions, largest count first. */
export function sportTotals(
  sessions: readonly { session: ParsedSession; defaultChoice: SportChoice; choice: SportChoice }[],
): SportTotal[] {
  const byKey = new Map<string, SportTotal>();
  for (const { session: s, defaultChoice, choice } of sessions) {
    const key = keyOfSession(s);
    let t = byKey.get(key);
    if (!t) {
      t = { key, label: s.sourceSport ?? UNNAMED_SPORT, count: 0, km: 0, minutes: 0, defaultChoice, choice };
      byKey.set(key, t);
    }
    t.count += 1;
    t.km += s.distanceKm ?? 0;
    t.minutes += loadMinutesOf(s);
  }
  return [...byKey.values()]
    .map((t) => ({ ...t, km: Math.round(t.km * 10) / 10, minutes: Math.round(t.minutes) }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** At most this many sports in one commit's choices: no real upload holds more. */
export const MAX_SPORT_CHOICES = 200;

export type SportChoices = Record<string, SportChoice>;
