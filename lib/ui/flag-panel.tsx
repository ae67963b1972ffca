import Link from "next/link";
import type { FlagPanel } from "@/lib/flag-reviews/panel";
import type { ReviewedFlag } from "@/lib/flag-reviews/coverage";
import { formatDate, formatDateTime } from "@/lib/dates";
import { engineText } from "@/lib/i18n/engine-text";
import { currentLocale } from "@/lib/i18n/server";
import { getTranslations } from "next-intl/server";
import { intlLocale } from "@/lib/i18n/config";
import { flagBadge } from "@/lib/ui/severity";
import { CLOSED_BY_CLEARANCE_ONLY } from "@/lib/flag-reviews/coverage";
import { FlagReviewForm } from "@/lib/ui/flag-review-form";
import { SuggestionAction, SuggestionCard } from "@/lib/ui/suggestion-card";
import type { Unit } from "@/lib/units";

// Values the engine keeps for its own use (ids, the cap's start), not shown.
const HIDDEN_VALUES = new Set(["runId", "possibleVisceralSources", "overStepRunIds", "capFromDate"]);

type PanelT = (key: string, values?: Record<string, string | number>) => string;

function ReviewLine({ flag, t }: { flag: ReviewedFlag; t: PanelT }) {
  if (!flag.review) return <p className="muted review-note">{t("notReviewed")}</p>;
  return (
    <p className="review-note">
      <span className={flag.review.status === "RESOLVED" ? "badge" : "badge"}>
        {flag.review.status === "RESOLVED" ? t("resolved") : t("acknowledged")}
      </span>{" "}
      {t("by", { name: flag.review.by })}
      {flag.review.note ? `: “${flag.review.note}”` : ""}
    </p>
  );
}

/**
 * The coach's flags panel: each active flag with its explanation, the numbers behind it, the evidence,
 * the squad's review of it and the sessions it calls for. While a referral is open, only the referral is
 * shown: training advice waits until a clinician has seen the athlete, and only a recorded clearance
 * (see SafetyPanel) ends the referral.
 */
export async function FlagPanelView({
  panel,
  squadId,
  athleteId,
  timeZone,
  unit,
  canPlan = true,
  shoeNames,
}: {
  panel: FlagPanel;
  squadId: string;
  athleteId: string;
  timeZone: string;
  /** The viewer's distance unit, for the explanations, numbers and suggestions. */
  unit: Unit;
  /** Coaches plan; clinicians read the flags without the plan's buttons. */
  canPlan?: boolean;
  /** Shoe names by id, so a shoe reads by its name rather than its id. */
  shoeNames?: Readonly<Record<string, string>>;
}) {
  // A referral is open until a clearance ends it (the engine stops raising it then), whatever its reviews.
  const locale = await currentLocale();
  const words = engineText(locale, unit);
  const dateLocale = intlLocale(locale);
  const t = (await getTranslations("flags.panel")) as unknown as PanelT;
  const openReferral = panel.flags.some((f) => f.severity === "referral");
  const shown = openReferral ? panel.flags.filter((f) => f.severity === "referral") : panel.flags;
  const held = panel.flags.length - shown.length;
  return (
    <section aria-labelledby="flags-heading">
      <h2 id="flags-heading">{t("heading")}</h2>
      {shown.length === 0 ? <p className="muted">{t("nothing")}</p> : null}
      {held > 0 ? (
        <p className="muted">{t("heldBack", { held })}</p>
      ) : null}
      <ul className="flag-list" style={{ listStyle: "none", padding: 0 }}>
        {shown.map((flag) => {
          const values = Object.entries(flag.values).filter(([k]) => !HIDDEN_VALUES.has(k));
          const suggestions = openReferral ? [] : (panel.suggestions[flag.id] ?? []);
          return (
            <li key={`${flag.id}-${flag.date}`} className={`card flag flag-${flag.severity}`} aria-label={words.flagName(flag.id)}>
              <h3 style={{ margin: 0 }}>
                <span className={flagBadge(flag, words).className}>{flagBadge(flag, words).text}</span>{" "}
                {words.flagName(flag.id)} <span className="muted">{formatDate(flag.date, dateLocale)}</span>
              </h3>
              <p>{words.flagExplanation(flag, shoeNames)}</p>
              {values.length ? (
                <details>
                  <summary>{t("numbers")}</summary>
                  <dl className="flag-values">
                    {values.map(([k, v]) => (
                      <div key={k}>
                        <dt>{words.valueLabel(k)}</dt>
                        <dd>{words.valueText(k, v, flag.values.loadMeasure)}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              ) : null}
              <p className="muted" style={{ fontSize: "0.9rem", margin: "0.25rem 0" }}>
                {t("evidence", { strength: t(`strength.${flag.evidence.strength}`) })} <span lang="en">{flag.evidence.citation}</span>
              </p>
              <ReviewLine flag={flag} t={t} />
              {suggestions.length ? (
                <>
                  <h4>{t("callsFor")}</h4>
                  <ul style={{ listStyle: "none", padding: 0 }} data-suggestions>
                    {suggestions.map((s) => (
                      <SuggestionCard
                        key={s.id}
                        suggestion={s}
                        unit={unit}
                        shoeNames={shoeNames}
                        action={canPlan ? <SuggestionAction suggestion={s} squadId={squadId} athleteId={athleteId} /> : null}
                      />
                    ))}
                  </ul>
                  <p>
                    <Link href={`/coach/squads/${squadId}/athletes/${athleteId}/plan`}>{t("seeInPlan")}</Link>
                  </p>
                </>
              ) : null}
              {canPlan ? (
                <details>
                  <summary>{CLOSED_BY_CLEARANCE_ONLY.has(flag.id) ? t("acknowledge") : t("acknowledgeOrResolve")}</summary>
                  <FlagReviewForm
                    squadId={squadId}
                    athleteId={athleteId}
                    flagId={flag.id}
                    flagDate={flag.date}
                    flagName={words.flagName(flag.id)}
                    canResolve={!CLOSED_BY_CLEARANCE_ONLY.has(flag.id)}
                  />
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      <details>
        <summary>{t("history", { count: panel.history.length })}</summary>
        {panel.history.length === 0 ? (
          <p className="muted">{t("noHistory")}</p>
        ) : (
          <ol className="review-history">
            {panel.history.map((r) => (
              <li key={r.id}>
                {t(r.status === "RESOLVED" ? "historyResolved" : "historyAcknowledged", {
                  at: formatDateTime(new Date(r.at), timeZone, dateLocale),
                  by: r.by,
                  flag: words.flagName(r.flagId),
                  date: formatDate(r.flagDate, dateLocale),
                })}
                {r.note ? ` — ${r.note}` : ""}
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}
