import type { CrossTrainingMode, SessionType } from "./types";

export interface SportMapping {
  type: SessionType;
  subType?: CrossTrainingMode;
}

const cross = (subType: CrossTrainingMode): SportMapping => ({ type: "CROSS_TRAINING", subType });

// Order matters: the first rule whose pattern matches wins, so specific names ("aqua jogging",
// "deep water running", "indoor rowing") come before the generic words they contain.
const RULES: [RegExp, SportMapping][] = [
  [/\b(aqua ?jog\w*|deep water run\w*|water running|aqua running|pool running)\b/, cross("AQUA_JOGGING")],
  [/\b(elliptical|cross ?trainer)\b/, cross("ELLIPTICAL")],
  [/\b(row|rowing|indoor rowing|rowing machine|erg)\b/, cross("ROWING")],
  [/\b(swim\w*|pool|lap swimming|open water)\b/, cross("SWIMMING")],
  [/\b(ride|cycl\w*|bik\w*|e ?bike\w*|mtb|gravel|spin\w*|velomobile|handcycle)\b/, cross("CYCLING")],
  [/\b(run|runs|running|jog|jogging|treadmill|track|trail|ultra|virtual run|street running|obstacle racing)\b/, { type: "RUN" }],
  [/\b(yoga|pilates|stretch\w*|mobility|flexibility|flexibility training|breathwork|foam roll\w*)\b/, { type: "MOBILITY" }],
  [/\b(core|abs|plank)\b/, { type: "CORE" }],
  [/\b(strength|weight\w*|weight training|weighttraining|gym|crossfit|lifting|resistance)\b/, { type: "STRENGTH" }],
  [
    /\b(walk\w*|hik\w*|ski\w*|nordic|snowshoe\w*|skat\w*|inline|kayak\w*|canoe\w*|paddl\w*|stand up paddling|sup|stair\w*|step\w*|climb\w*|cardio|hiit|high intensity interval training|elevator)\b/,
    cross("OTHER"),
  ],
];

/** Splits camelCase and punctuation so "indoorCycling", "Indoor_Cycling" and "Indoor Cycling" read alike. */
function words(raw: string): string {
  return raw
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The session type for a sport name, or undefined when the name says nothing recognisable. */
export function matchSport(raw: string | undefined | null): SportMapping | undefined {
  if (!raw) return undefined;
  const w = words(raw);
  if (!w) return undefined;
  for (const [re, mapping] of RULES) if (re.test(w)) return mapping;
  return undefined;
}

/** The session type for a sport name; OTHER when it is missing or unknown. */
export function mapSport(raw: string | undefined | null): SportMapping {
  return matchSport(raw) ?? { type: "OTHER" };
}

// FIT's generic sports say nothing by themselves; their sub-sport carries the meaning.
const FIT_GENERIC = new Set(["generic", "training", "fitness equipment", "all", "multisport", "transition"]);

/** "Running", "Training / yoga": a FIT sport and its sub-sport as words, for people. */
export function fitSportName(sport: unknown, subSport: unknown): string | undefined {
  const name = (v: unknown) => (typeof v === "string" && v ? words(v) : undefined);
  const s = name(sport);
  const sub = subSport === "generic" ? undefined : name(subSport);
  const text = [s, sub].filter(Boolean).join(" / ");
  return text ? text[0].toUpperCase() + text.slice(1) : undefined;
}

/** The key a sport's mapping is remembered under: "Indoor_Cycling" and "indoor cycling" are one sport. */
export const sportKey = (raw: string | undefined | null): string => (raw ? words(raw) : "");

/** FIT sport + sub_sport, e.g. running/treadmill, training/yoga, fitnessEquipment/indoorRowing. */
export function mapFitSport(sport: unknown, subSport: unknown): SportMapping {
  const s = typeof sport === "string" ? sport : undefined;
  const sub = typeof subSport === "string" && subSport !== "generic" ? subSport : undefined;
  if (s && !FIT_GENERIC.has(words(s))) return matchSport(s) ?? matchSport(sub) ?? { type: "OTHER" };
  return matchSport(sub) ?? { type: "OTHER" };
}
