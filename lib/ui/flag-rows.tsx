import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Flag, FlagValue } from "@/lib/training-load";
import type { FlagPanel } from "@/lib/flag-reviews/panel";
import type { ReviewedFlag } from "@/lib/flag-reviews/coverage";
import { engineText } from "@/lib/i18n/engine-text";
import { flagBadge } from "@/lib/ui/severity";
import { isEmergency } from "@/lib/athletes/flag-history";
import { FlagPanelView } from "@/lib/ui/flag-panel";
import { formatDate } from "@/lib/dates";
import { KM_PER_MILE, type Unit } from "@/lib/units";
import type { Locale } from "@/lib/i18n/config";

/** Above this many rows, the notes share one row. */
const GROUP_NOTES_ABOVE = 6;

type Translate = Awaited<ReturnType<typeof getTranslations<"athletePage">>>;

const num = (v: FlagValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The one number a coach reads a flag by, in words; null for flags whose title says it all. */
export function flagKeyNumber(
  flag: ReviewedFlag,
  t: Translate,
  opts: { intl: string; unit: Unit; shoeNames: Record<string, { name: string; retired: boolean }> },
): string | null {
  const v = flag.values;
  const n = (x: number, digits = 0) => new Intl.NumberFormat(opts.intl, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
  const pct = (x: number) => new Intl.NumberFormat(opts.intl, { style: "percent", maximumFractionDigits: 0 }).format(x);
  const distance = (km: number) => (opts.unit === "MI" ? `${n(km / KM_PER_MILE, 1)} mi` : `${n(km, 1)} km`);
  switch (flag.id) {
    case "red-flag":
    case "back-pain-rising":
    case "severe-back-pain":
    case "pain-after-overload": {
      const nrs = num(v.nrs);
      return nrs === null ? null : t("flagNumber.pain", { nrs });
    }
    case "session-spike": {
      const spike = num(v.spike);
      const km = num(v.distanceKm);
      if (spike === null || km === null) return null;
      return t("flagNumber.spike", { distance: distance(km), spike: pct(spike) });
    }
    case "weekly-distance-increase": {
      const change = num(v.change);
      const km = num(v.lastKm);
      if (change === null || km === null) return null;
      return t("flagNumber.weekly", { distance: distance(km), change: pct(change) });
    }
    case "acwr-high": {
      const acwr = num(v.acwrEwma);
      return acwr === null ? null : t("flagNumber.acwr", { value: n(acwr, 2) });
    }
    case "monotony-high": {
      const m = num(v.monotony);
      return m === null ? null : t("flagNumber.monotony", { value: n(m, 1) });
    }
    case "return-to-run": {
      const step = num(v.step);
      const steps = num(v.steps) ?? (Array.isArray(v.steps) ? v.steps.length : null);
      return step === null || steps === null ? null : t("flagNumber.step", { step, steps });
    }
    case "compensatory-deficit": {
      const sessions = num(v.coreOrStrengthSessions);
      const runs = num(v.runs);
      return sessions === null || runs === null ? null : t("flagNumber.compensatory", { sessions, runs });
    }
    case "shoe-mileage": {
      const km = num(v.km);
      const shoe = typeof v.shoeId === "string" ? opts.shoeNames[v.shoeId] : undefined;
      if (km === null) return null;
      return shoe ? t("flagNumber.shoe", { shoe: shoe.name, distance: distance(km) }) : distance(km);
    }
    case "surface-change": {
      const share = num(v.recentShare);
      const surface = typeof v.surface === "string" ? v.surface.toLowerCase() : null;
      if (share === null || !surface) return null;
      const known = ["asphalt", "track", "trail", "grass", "sand", "treadmill", "mixed"].includes(surface);
      return t("flagNumber.surface", { share: pct(share), surface: known ? t(`surfaces.${surface}` as "surfaces.asphalt") : t("surfaces.other") });
    }
    case "leg-length-discrepancy": {
      const mm = num(v.legLengthDiscrepancyMm);
      return mm === null ? null : t("flagNumber.mm", { mm: n(mm, 0) });
    }
    case "masters-athlete": {
      const age = num(v.age);
      return age === null ? null : t("flagNumber.age", { age });
    }
    case "wellness-drop": {
      const hooper = num(v.hooper);
      return hooper === null ? null : t("flagNumber.wellness", { hooper });
    }
    default:
      return null;
  }
}

/** A flag's title in the reader's language. */
export function flagTitle(id: ReviewedFlag["id"], locale: Locale): string {
  return engineText(locale).flagName(id);
}

/** A flag's severity badge in the reader's language. */
export function severityBadge(flag: ReviewedFlag, locale: Locale): { text: string; className: string } {
  const { className } = flagBadge(flag);
  return { className, text: engineText(locale).severity(isEmergency(flag) ? "emergency" : flag.severity) };
}

/**
 * The active flags as one compact row each: severity, title, date and the number that matters. Each row
 * opens in place (a plain <details>, so it works with the keyboard and without JavaScript) to the flag's
 * explanation, numbers, evidence, review and the sessions it calls for. While a referral is open, only the
 * referral is listed: training advice waits until a clinician has seen the athlete.
 */
export async function FlagRows({
  panel,
  squadId,
  athleteId,
  timeZone,
  unit,
  canPlan,
  locale,
  intl,
  shoes,
}: {
  panel: FlagPanel;
  squadId: string;
  athleteId: string;
  timeZone: string;
  unit: Unit;
  canPlan: boolean;
  locale: Locale;
  intl: string;
  shoes: { id: string; name: string; retired: boolean }[];
}) {
  const t = await getTranslations("athletePage");
  const openReferral = panel.flags.some((f) => f.severity === "referral");
  const shown = openReferral ? panel.flags.filter((f) => f.severity === "referral") : panel.flags;
  const held = panel.flags.length - shown.length;
  const shoeNames = Object.fromEntries(shoes.map((s) => [s.id, { name: s.name, retired: s.retired }]));
  if (shown.length === 0) return <p className="muted glance-empty">{t("flags.none")}</p>;
  // Notes (profile facts and rules of thumb) fold into one row when the list would run long, so the
  // flags that call for action stay on the first screen.
  const notes = shown.length > GROUP_NOTES_ABOVE ? shown.filter((f) => f.severity === "info") : [];
  const grouped = notes.length > 1 ? notes : [];
  const rows = grouped.length ? shown.filter((f) => f.severity !== "info") : shown;
  const row = (flag: ReviewedFlag) => {
    return (
            <li key={`${flag.id}-${flag.date}`} className={`flag-row flag-${flag.severity}`}>
              <details>
                <FlagRowSummary flag={flag} t={t} locale={locale} intl={intl} unit={unit} shoeNames={shoeNames} />
                <div className="flag-row-detail">
                  <FlagPanelView
                    panel={{ flags: [flag], suggestions: panel.suggestions, history: [] }}
                    squadId={squadId}
                    athleteId={athleteId}
                    timeZone={timeZone}
                    unit={unit}
                    canPlan={canPlan}
                    shoeNames={Object.fromEntries(shoes.map((s) => [s.id, s.name]))}
                  />
                </div>
              </details>
            </li>
          );
  };
  return (
    <>
      <ul className="flag-rows">
        {rows.map(row)}
        <NotesRow grouped={grouped} row={row} t={t} locale={locale} />
      </ul>
      {held > 0 ? <p className="muted glance-note">{t("flags.held", { count: held })}</p> : null}
    </>
  );
}

/** A row's summary line: severity, title, the number that matters, its review and its date. */
function FlagRowSummary({
  flag,
  t,
  locale,
  intl,
  unit,
  shoeNames,
}: {
  flag: Flag & { review?: ReviewedFlag["review"] };
  t: Translate;
  locale: Locale;
  intl: string;
  unit: Unit;
  shoeNames: Record<string, { name: string; retired: boolean }>;
}) {
  const reviewed = { ...flag, review: flag.review ?? null };
  const badge = severityBadge(reviewed, locale);
  const number = flagKeyNumber(reviewed, t, { intl, unit, shoeNames });
  return (
    <summary>
      <span className={badge.className}>{badge.text}</span>
      <span className="flag-row-main">
        <span className="flag-row-title">{flagTitle(flag.id, locale)}</span>
        {number ? <span className="flag-row-number">{number}</span> : null}
        {flag.review ? <span className="badge">{flag.review.status === "RESOLVED" ? t("flags.resolved") : t("flags.acknowledged")}</span> : null}
      </span>
      <span className="flag-row-date muted">{formatDate(flag.date, intl)}</span>
    </summary>
  );
}

/** The notes (profile facts, rules of thumb) folded into one row, when there are several. */
function NotesRow<F extends Flag>({ grouped, row, t, locale }: { grouped: F[]; row: (flag: F) => ReactNode; t: Translate; locale: Locale }) {
  if (!grouped.length) return null;
  return (
    <li className="flag-row flag-info">
      <details>
        <summary>
          <span className="badge">{t("severity.info")}</span>
          <span className="flag-row-main">
            <span className="flag-row-title">{t("flags.notes", { count: grouped.length })}</span>
            <span className="flag-row-notes">{grouped.map((f) => flagTitle(f.id, locale)).join(" · ")}</span>
          </span>
          <span />
        </summary>
        <ul className="flag-rows flag-rows-nested">{grouped.map(row)}</ul>
      </details>
    </li>
  );
}

/**
 * The athlete's own active flags, as the same compact rows: each opens to what it means in plain words
 * and, for training flags, the evidence behind it. Nothing to review or plan here. While a referral is
 * open, only the referral is listed, and the athlete is told that training advice waits for a clinician.
 */
export async function AthleteFlagRows({
  flags,
  unit,
  locale,
  intl,
  shoes,
}: {
  flags: Flag[];
  unit: Unit;
  locale: Locale;
  intl: string;
  shoes: { id: string; name: string; retired: boolean }[];
}) {
  const t = await getTranslations("athletePage");
  const home = await getTranslations("athleteHome");
  const panel = await getTranslations("flags.panel");
  const words = engineText(locale, unit);
  const openReferral = flags.some((f) => f.severity === "referral");
  const shown = openReferral ? flags.filter((f) => f.severity === "referral") : flags;
  const shoeNames = Object.fromEntries(shoes.map((s) => [s.id, { name: s.name, retired: s.retired }]));
  if (shown.length === 0) return <p className="muted glance-empty">{home("flagsNone")}</p>;
  const notes = shown.length > GROUP_NOTES_ABOVE ? shown.filter((f) => f.severity === "info") : [];
  const grouped = notes.length > 1 ? notes : [];
  const rows = grouped.length ? shown.filter((f) => f.severity !== "info") : shown;
  const row = (flag: Flag) => (
    <li key={`${flag.id}-${flag.date}`} className={`flag-row flag-${flag.severity}`}>
      <details>
        <FlagRowSummary flag={flag} t={t} locale={locale} intl={intl} unit={unit} shoeNames={shoeNames} />
        <div className="flag-row-detail">
          <p>{words.flagExplanation(flag)}</p>
          {flag.severity !== "referral" ? (
            <p className="muted" style={{ fontSize: "0.9rem", margin: 0 }}>
              {panel("evidence", { strength: panel(`strength.${flag.evidence.strength}` as "strength.strong") })} <span lang="en">{flag.evidence.citation}</span>
            </p>
          ) : null}
        </div>
      </details>
    </li>
  );
  return (
    <>
      <ul className="flag-rows">
        {rows.map(row)}
        <NotesRow grouped={grouped} row={row} t={t} locale={locale} />
      </ul>
      {openReferral && flags.length > shown.length ? <p className="muted glance-note">{home("flagsHeld")}</p> : null}
    </>
  );
}
