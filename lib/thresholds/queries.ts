import "server-only";
import { db } from "@/lib/db";
import { translatorFor } from "@/lib/i18n/catalogue";
import { engineText } from "@/lib/i18n/engine-text";
import type { Locale } from "@/lib/i18n/config";
import { NotFoundError } from "@/lib/errors";
import { assertCoachOf, assertCoachOfAthlete, type Viewer } from "@/lib/auth/permissions";
import {
  CITATIONS,
  DEFAULT_THRESHOLDS,
  FLAG_EVIDENCE,
  LOAD_MEASURES,
  resolveThresholds,
  type EvidenceStrength,
  type FlagId,
  type LoadMeasure,
  type ThresholdOverrides,
  type Thresholds,
} from "@/lib/training-load";
import {
  LOAD_MEASURE_LABELS,
  THRESHOLD_FIELDS,
  displayLimits,
  readStoredOverrides,
  toDisplay,
  type ThresholdKey,
} from "@/lib/thresholds/schemas";

export type ThresholdFieldView = {
  key: ThresholdKey;
  label: string;
  unit: string;
  /** Current value of this level as typed in the form; "" when it inherits. */
  value: string;
  /** What an empty field means, with its unit, e.g. "30%" or "3 runs". */
  inherited: string;
  /** The engine's default, with its unit. */
  defaultText: string;
  /** The squad's value (athlete level only), with its unit. */
  squadText: string | null;
  /** Inputs for the form; null for the load-measure select. */
  number: { min: string; max: string; step: string; range: string } | null;
  options: { value: string; label: string }[] | null;
  flag: { id: FlagId; name: string; strength: EvidenceStrength; citations: { short: string; text: string }[] };
  /** What the field means when left empty, and its range, in words. */
  hint: string;
  /** The select's empty choice (the load measure). */
  placeholder: string;
  /** "Evidence: moderate. Frandsen 2025; …", in words. */
  evidence: string;
};

export type ThresholdGroupView = { flagId: FlagId; name: string; fields: ThresholdFieldView[] };

/** The form's words in the reader's language: labels, units, ranges and the load measures' names. */
function wordsFor(locale: Locale) {
  const t = translatorFor(locale, "thresholds") as unknown as (key: string, values?: Record<string, string>) => string;
  const unit = (key: ThresholdKey) => (THRESHOLD_FIELDS.find((f) => f.key === key)?.unit ? t(`units.${key}`) : "");
  const withUnit = (key: ThresholdKey, value: number | string) => {
    if (key === "loadMeasure") return LOAD_MEASURE_LABELS[value as LoadMeasure] ? t(`loadMeasures.${value}`) : String(value);
    const u = unit(key);
    return `${toDisplay(key, value)}${u === "%" ? "%" : u ? ` ${u}` : ""}`;
  };
  return { t, unit, withUnit };
}

function fieldsFor(own: ThresholdOverrides, parent: Thresholds, squad: Thresholds | null, locale: Locale): ThresholdGroupView[] {
  const groups: ThresholdGroupView[] = [];
  const { t, unit, withUnit } = wordsFor(locale);
  const flagName = (id: FlagId) => engineText(locale).flagName(id);
  for (const meta of THRESHOLD_FIELDS) {
    const evidence = FLAG_EVIDENCE[meta.flagId];
    const ownValue = own[meta.key];
    const field: ThresholdFieldView = {
      key: meta.key,
      label: t(`fields.${meta.key}`),
      unit: unit(meta.key),
      value: ownValue === undefined ? "" : toDisplay(meta.key, ownValue),
      inherited: withUnit(meta.key, parent[meta.key]),
      defaultText: withUnit(meta.key, DEFAULT_THRESHOLDS[meta.key]),
      squadText: squad ? withUnit(meta.key, squad[meta.key]) : null,
      number:
        meta.key === "loadMeasure"
          ? null
          : (() => {
              const limits = displayLimits(meta.key);
              const u = unit(meta.key);
              return {
                min: limits.min,
                max: limits.max,
                step: limits.integer ? "1" : "any",
                range: t("range", { min: limits.min, max: limits.max, unit: u === "%" ? "%" : u ? ` ${u}` : "" }),
              };
            })(),
      options: meta.key === "loadMeasure" ? LOAD_MEASURES.map((m) => ({ value: m, label: t(`loadMeasures.${m}`) })) : null,
      flag: {
        id: meta.flagId,
        name: flagName(meta.flagId),
        strength: evidence.strength,
        citations: evidence.citationIds.map((id) => ({ short: CITATIONS[id]?.short ?? id, text: CITATIONS[id]?.text ?? id })),
      },
      hint: "",
      placeholder: "",
      evidence: "",
    };
    const parts = squad ? [t("hintSquadValue", { value: field.squadText ?? "" }), t("hintDefaultLower", { value: field.defaultText })] : [t("hintDefault", { value: field.defaultText })];
    if (field.number) parts.push(t("hintAllowed", { range: field.number.range }));
    parts.push(squad ? t("hintEmptyAthlete") : t("hintEmptySquad"));
    field.hint = `${parts.join("; ")}.`;
    field.placeholder = squad ? t("hintSquadValue", { value: field.inherited }) : t("hintDefault", { value: field.inherited });
    field.evidence = t("evidence", { strength: t(`strength.${evidence.strength}`), citations: field.flag.citations.map((c) => c.short).join("; ") });
    const group = groups.find((g) => g.flagId === meta.flagId);
    if (group) group.fields.push(field);
    else groups.push({ flagId: meta.flagId, name: flagName(meta.flagId), fields: [field] });
  }
  return groups;
}

export type SquadThresholdsView = { squadId: string; squadName: string; groups: ThresholdGroupView[]; overrideCount: number };

/** The squad's thresholds for its coaches: each field with its default, range and evidence. */
export async function getSquadThresholds(viewer: Viewer, squadId: string, locale: Locale = "en"): Promise<SquadThresholdsView> {
  assertCoachOf(viewer, squadId);
  const squad = await db().squad.findUnique({ where: { id: squadId }, select: { id: true, name: true, thresholds: true } });
  if (!squad) throw new NotFoundError("Squad not found");
  const own = readStoredOverrides(squad.thresholds);
  return {
    squadId: squad.id,
    squadName: squad.name,
    groups: fieldsFor(own, { ...DEFAULT_THRESHOLDS }, null, locale),
    overrideCount: Object.keys(own).length,
  };
}

export type AthleteThresholdsView = SquadThresholdsView & { athleteId: string; athleteName: string };

/** One athlete's thresholds in a squad: what they inherit from the squad and what is set for them alone. */
export async function getAthleteThresholds(viewer: Viewer, squadId: string, athleteId: string, locale: Locale = "en"): Promise<AthleteThresholdsView> {
  const prisma = db();
  await assertCoachOfAthlete(prisma, viewer, squadId, athleteId);
  const membership = await prisma.membership.findFirst({
    where: { squadId, userId: athleteId, role: "ATHLETE" },
    select: { thresholds: true, user: { select: { name: true } }, squad: { select: { name: true, thresholds: true } } },
  });
  if (!membership) throw new NotFoundError("Athlete not found");
  const squadLevel = resolveThresholds(readStoredOverrides(membership.squad.thresholds));
  const own = readStoredOverrides(membership.thresholds);
  return {
    squadId,
    squadName: membership.squad.name,
    athleteId,
    athleteName: membership.user.name,
    groups: fieldsFor(own, squadLevel, squadLevel, locale),
    overrideCount: Object.keys(own).length,
  };
}
