/**
 * The engine's output in the reader's language. The engine (lib/training-load) returns codes and exact
 * parameters; this module is the one place that turns them into words: flag names and explanations,
 * severity badges, the numbers behind a flag, triage texts. Server components, emails and exports all
 * call it with the reader's locale and distance unit.
 */
import { translatorFor } from "@/lib/i18n/catalogue";
import { intlLocale, type Locale } from "@/lib/i18n/config";
import { KM_PER_MILE, type Unit } from "@/lib/units";
import type { EngineMessage, Exercise, Flag, FlagId, FlagValue, MessageParam, Severity, Suggestion, Triage, TriageAction } from "@/lib/training-load/types";

type Values = Record<string, string | number>;
type Translate = ((key: string, values?: Values) => string) & { has(key: string): boolean };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

type Namespace = "flags" | "severity" | "triage" | "flagValues" | "exercises" | "suggestions";

/**
 * A translator that accepts any key of its namespace (keys come from engine codes, checked by tests). The
 * catalogues never change while the process runs, so whether a key exists and what a message without values
 * says are worked out once per process: a squad's overview asks for the same few words for every athlete and
 * week, and next-intl's `has` and lookup cost more than the words.
 */
function loose(locale: Locale, namespace: Namespace): Translate {
  const key = `${locale}:${namespace}`;
  let made = loosened.get(key);
  if (!made) {
    const t = translatorFor(locale, namespace) as unknown as Translate;
    const known = new Map<string, boolean>();
    const plain = new Map<string, string>();
    made = Object.assign(
      (k: string, values?: Values) => {
        if (values) return t(k, values);
        let text = plain.get(k);
        if (text !== undefined) return text;
        text = t(k);
        if (plain.size < MEMO_LIMIT) plain.set(k, text);
        return text;
      },
      {
        has(k: string) {
          let found = known.get(k);
          if (found !== undefined) return found;
          found = t.has(k);
          if (known.size < MEMO_LIMIT) known.set(k, found);
          return found;
        },
      },
    );
    loosened.set(key, made);
  }
  return made;
}

const loosened = new Map<string, Translate>();
/** Keys remembered per namespace at most: far above the catalogue's, so that odd stored codes cannot grow it. */
const MEMO_LIMIT = 5000;

export interface EngineText {
  locale: Locale;
  unit: Unit;
  /** A flag's name ("Long-run spike"). */
  flagName(id: FlagId | string): string;
  /** A flag's explanation, its sentences joined; `shoeNames` words a shoe id by its name. */
  flagExplanation(flag: Pick<Flag, "explanation">, shoeNames?: Readonly<Record<string, string>>): string;
  /** One engine message. */
  message(m: EngineMessage, shoeNames?: Readonly<Record<string, string>>): string;
  /** A severity badge's words; `emergency` for an emergency referral. */
  severity(severity: Severity | "emergency"): string;
  /** "seek emergency care now" / "see a clinician". */
  triageAction(action: TriageAction): string;
  /** A red-flag symptom id in words. */
  symptom(id: string): string;
  /** A possible source of referred pain: its name and where it is felt. */
  source(source: { id: string; organ?: string; area?: string }): { organ: string; area: string };
  /** A zone as a place ("lower back (lumbar)"). */
  zone(zone: string): string;
  /** A distance in km in the reader's unit, one decimal ("12.3 km", "7.6 mi"). */
  distance(km: number): string;
  /** A calendar day with its weekday ("Mon 7 Dec"). */
  day(iso: string): string;
  /** The label of a flag value (named by the engine) in the reader's unit. */
  valueLabel(key: string): string;
  /** A flag value in words (numbers rounded per kind; ids and dates in words). */
  valueText(key: string, value: FlagValue, loadMeasure?: FlagValue): string;
  /** An exercise and its prescription ("Glute bridge (3 x 15 reps)"). */
  exercise(e: Pick<Exercise, "id" | "name" | "prescription" | "prescriptionId">): { name: string; prescription: string };
  /** A suggestion's kind ("Core session"). */
  suggestionType(type: Suggestion["type"]): string;
  /** A cross-training mode ("aqua jogging"). */
  mode(mode: string): string;
  /**
   * A suggestion's reason (or a planned session's stored reason parts), its parts joined; `shoeNames`
   * words a shoe id by its name.
   */
  suggestionReason(parts: readonly EngineMessage[], shoeNames?: Readonly<Record<string, string>>): string;
  /** A number as the reader writes it (decimal comma in Spanish), up to `digits` decimals. */
  number(x: number, digits?: number): string;
  /** A message of the "suggestions" namespace (headline pieces). */
  suggestionWords(key: string, values?: Record<string, string | number>): string;
  /** Triage of a red flag in words. */
  triage(triage: Triage): { action: string; symptoms: string[]; sources: { organ: string; area: string }[] };
}

const cache = new Map<string, EngineText>();

/** The engine's words for a reader: `engineText("es", "KM").flagExplanation(flag)`. */
export function engineText(locale: Locale, unit: Unit = "KM"): EngineText {
  const key = `${locale}:${unit}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const made = build(locale, unit);
  cache.set(key, made);
  return made;
}

function build(locale: Locale, unit: Unit): EngineText {
  const intl = intlLocale(locale);
  const tf = loose(locale, "flags");
  const ts = loose(locale, "severity");
  const tt = loose(locale, "triage");
  const tv = loose(locale, "flagValues");
  const te = loose(locale, "exercises");
  const tg = loose(locale, "suggestions");
  const dayFormat = new Intl.DateTimeFormat(intl, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
  const dateFormat = new Intl.DateTimeFormat(intl, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const one = new Intl.NumberFormat(intl, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(intl, { maximumFractionDigits: 0 });
  const two = new Intl.NumberFormat(intl, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const plain = new Intl.NumberFormat(intl, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(intl, { style: "percent", maximumFractionDigits: 0 });

  // An unknown code or id (a newer engine, an old stored value) reads as itself rather than failing.
  const safe = (t: Translate, k: string, fallback: string, values?: Values) => (t.has(k) ? t(k, values) : fallback);
  const day = (iso: string) => (ISO_DAY.test(iso) ? dayFormat.format(new Date(`${iso}T00:00:00Z`)) : iso);
  const distance = (km: number) => {
    const value = unit === "MI" ? km / KM_PER_MILE : km;
    return `${one.format(Math.abs(value) < 0.05 ? 0 : value)} ${unit === "MI" ? "mi" : "km"}`;
  };
  const zone = (z: string) => safe(tf, `zonePlace.${z}`, z);
  const symptom = (id: string) => safe(tt, `symptoms.${id}`, id);
  const source = (s: { id: string; organ?: string; area?: string }) => ({
    organ: safe(tt, `sourceOrgans.${s.id}`, s.organ ?? s.id),
    area: safe(tt, `sourceAreas.${s.id}`, s.area ?? ""),
  });
  const subArea = (id: string) => safe(tt, `subAreas.${id}`, id);
  const stepLabel = (n: string | number) => safe(tf, `steps.${n}`, String(n));

  /** One parameter as the sentence needs it; the parameter's name says its kind. */
  function param(name: string, v: MessageParam): string | number {
    if (v === null) return "none";
    if (Array.isArray(v)) {
      switch (name) {
        case "symptoms":
          return v.map(symptom).join("; ");
        case "sources":
          return v.map((id) => {
            const s = source({ id });
            return `${s.organ} (${s.area})`;
          }).join(", ");
        case "rules":
          return v.map((r) => safe(tf, `overloadRules.${r}`, r)).join(", ");
        case "zones":
          return v.map(zone).join("; ");
        case "postures":
          return v.map((p) => safe(tf, `postures.${p}`, p)).join(", ");
        case "stepLabels":
          return v.map(stepLabel).join(safe(tf, "stepsJoin", ", then "));
        default:
          return v.join(", ");
      }
    }
    if (typeof v === "number") {
      if (/Km$/.test(name) || name === "km") return distance(v);
      return v;
    }
    if (/Day$/.test(name) || name === "day") return day(v);
    switch (name) {
      case "zone":
        return zone(v);
      case "zoneName":
        return safe(tf, `zoneName.${v}`, v);
      case "subArea":
        return subArea(v);
      case "surface":
        return safe(tf, `surfaces.${v}`, v);
      case "stepLabel":
      case "limitLabel":
        return stepLabel(v);
      default:
        return v;
    }
  }

  function message(m: EngineMessage, shoeNames?: Readonly<Record<string, string>>): string {
    const values: Values = {};
    for (const [k, v] of Object.entries(m.params)) values[k] = k === "shoe" && typeof v === "string" ? (shoeNames?.[v] ?? v) : param(k, v);
    return safe(tf, `explain.${m.code}`, m.code, values);
  }

  const list = new Intl.ListFormat(intl, { type: "conjunction" });
  const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase(intl) + text.slice(1);
  const mode = (m: string) => safe(tg, `modes.${m}`, m.replace("-", " "));

  /**
   * One part of a suggestion's reason. Besides the kinds `param` knows: the run it is about (runKm, runDay,
   * likeDay) becomes `run`, pain triggers a list of phrases, a severe-pain report its phrase, a shoe id its name.
   */
  function reasonPart(m: EngineMessage, shoeNames?: Readonly<Record<string, string>>): string {
    const p = m.params ?? {};
    const values: Values = {};
    for (const [k, v] of Object.entries(p)) {
      if (v === null) continue;
      if (k === "mode" && typeof v === "string") values[k] = mode(v);
      else if (k === "shoe" && typeof v === "string") values[k] = shoeNames?.[v] ?? v;
      else values[k] = param(k, v);
    }
    if (typeof p.runDay === "string") {
      const kind = typeof p.likeDay === "string" ? "expected" : "planned";
      const km = typeof p.runKm === "number" ? p.runKm : null;
      const run = { km: km === null ? "" : distance(km), day: day(p.runDay), likeDay: typeof p.likeDay === "string" ? day(p.likeDay) : "" };
      values.run = safe(tg, `reasons.run.${kind}${km === null ? "NoKm" : ""}`, `${run.km} ${run.day}`, run);
    }
    if (Array.isArray(p.painTriggers)) {
      values.painTriggers = list.format(
        p.painTriggers.map((id) => {
          const unknown = (id === "nrs-rise" && typeof p.rise !== "number") || (id === "nrs-high" && typeof p.nrs !== "number");
          return safe(tg, `reasons.painTriggers.${id}${unknown ? "-unknown" : ""}`, id, values);
        }),
      );
    }
    if (typeof p.severeReport === "string") values.severeReport = safe(tg, `reasons.severeReport.${p.severeReport}`, p.severeReport, values);
    return capitalise(safe(tg, `reasons.codes.${m.code}`, m.code, values));
  }

  const KM_VALUE = /Km$/;
  const RATIO_VALUES = new Set(["acwrEwma", "threshold", "hazardRatio", "monotony", "mean", "sd", "limit", "previousMean", "previousSd", "previousLimit"]);
  const PERCENT_VALUES = new Set(["spike", "maxSpike", "cautionAbove", "warningAbove", "change", "increaseAbove", "recentShare", "priorShare"]);
  const LOAD_VALUES = new Set(["ewmaAcute", "ewmaChronic", "strain", "weeklyLoad", "meanDailyLoad", "sdDailyLoad"]);
  const WORD_VALUES: Record<string, (v: string) => string> = {
    zone,
    zones: zone,
    symptoms: symptom,
    subArea,
    surface: (v) => safe(tf, `surfaces.${v}`, v),
    overloadRules: (v) => safe(tf, `overloadRules.${v}`, v),
    postureLoad: (v) => safe(tf, `postures.${v}`, v),
    reasons: (v) => safe(tv, `reasons.${v}`, v),
    startedBy: (v) => safe(tv, `startedBy.${v}`, v),
    loadMeasure: (v) => safe(tv, `loadMeasures.${v}`, v),
    action: (v) => safe(tt, `actions.${v}`, v),
    footprintType: (v) => safe(tv, `footprints.${v}`, v),
    band: (v) => (v === "none" ? "–" : `${v.replace("-", "–")}${locale === "es" ? " %" : "%"}`),
  };

  function valueText(key: string, v: FlagValue, loadMeasure?: FlagValue): string {
    if (v === null) return "–";
    if (Array.isArray(v)) return v.map((x) => valueText(key, x, loadMeasure)).join(", ");
    if (typeof v === "boolean") return safe(tv, v ? "yes" : "no", v ? "yes" : "no");
    if (typeof v === "number") {
      if (KM_VALUE.test(key)) return one.format(unit === "MI" ? v / KM_PER_MILE : v);
      if (PERCENT_VALUES.has(key)) return percent.format(v);
      if (RATIO_VALUES.has(key)) return two.format(v);
      if (LOAD_VALUES.has(key)) return (loadMeasure === "km" ? one : whole).format(v);
      if (/Min$/.test(key)) return whole.format(v);
      return plain.format(v);
    }
    if (ISO_DAY.test(v)) return dateFormat.format(new Date(`${v}T00:00:00Z`));
    if (key === "stepLabel") return v;
    const word = WORD_VALUES[key];
    return word ? word(v) : v;
  }

  function valueLabel(key: string): string {
    const fallback = key.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());
    const text = safe(tv, `labels.${key}`, fallback);
    return unit === "MI" && KM_VALUE.test(key) ? text.replace(/\bkm\b/, "mi") : text;
  }

  return {
    locale,
    unit,
    flagName: (id) => safe(tf, `names.${id}`, String(id)),
    flagExplanation: (flag, shoeNames) => flag.explanation.map((m) => message(m, shoeNames)).join(" "),
    message,
    severity: (s) => safe(ts, s, s),
    triageAction: (a) => safe(tt, `actions.${a}`, a),
    symptom,
    source,
    zone,
    distance,
    day,
    valueLabel,
    valueText,
    exercise: (e) => ({
      name: safe(te, `names.${e.id}`, e.name),
      prescription: safe(te, `prescriptions.${e.prescriptionId}`, e.prescription),
    }),
    suggestionType: (type) => safe(tg, `types.${type}`, type),
    mode,
    suggestionReason: (parts, shoeNames) => parts.map((m) => reasonPart(m, shoeNames)).join(" "),
    number: (x, digits = 1) => new Intl.NumberFormat(intl, { maximumFractionDigits: digits }).format(x),
    suggestionWords: (key, values) => safe(tg, key, key, values),
    triage: (t) => ({ action: safe(tt, `actions.${t.action}`, t.action), symptoms: t.symptoms.map(symptom), sources: t.visceralSources.map(source) }),
  };
}
