import Link from "next/link";
import type { FlagValue } from "@/lib/training-load";
import type { FlagPanel } from "@/lib/flag-reviews/panel";
import type { ReviewedFlag } from "@/lib/flag-reviews/coverage";
import { FLAG_NAMES } from "@/lib/thresholds/schemas";
import { formatDate, formatDateTime } from "@/lib/dates";
import { BACK_SUB_AREAS, RED_FLAG_SYMPTOMS } from "@/lib/training-load/symptoms";
import { ZONE_LABELS } from "@/lib/pain/labels";
import { flagBadge } from "@/lib/ui/severity";
import { CLOSED_BY_CLEARANCE_ONLY } from "@/lib/flag-reviews/coverage";
import { FlagReviewForm } from "@/lib/ui/flag-review-form";
import { SuggestionAction, SuggestionCard } from "@/lib/ui/suggestion-card";
import { flagLabelInUnit, formatFlagNumber } from "@/lib/ui/card-numbers";
import { textInUnit, type Unit } from "@/lib/units";

// Engine value names in words; names not listed are shown split at capitals.
const VALUE_LABELS: Record<string, string> = {
  hooper: "Wellness sum, last day (5-25)",
  previousHooper: "Wellness sum, day before (5-25)",
  firstDate: "Run of days from",
  mean: "Usual sum (mean of the 28 days before)",
  sd: "Standard deviation (sample)",
  limit: "Marked at or above",
  baselineEntries: "Check-ins in those 28 days",
  previousMean: "Usual sum, day before",
  previousSd: "Standard deviation, day before",
  previousLimit: "Marked at or above, day before",
  previousBaselineEntries: "Check-ins behind the day before",
  backStiffness: "Back stiffness (0-10)",
  sdAbove: "Standard deviations above the usual",
  minEntries: "Check-ins needed",
  baselineDays: "Days of the baseline",
  acwrEwma: "ACWR (EWMA)",
  ewmaAcute: "Acute load (EWMA, per day)",
  ewmaChronic: "Chronic load (EWMA, per day)",
  threshold: "Threshold",
  loadMeasure: "Load measure",
  estimatedRpeSessions: "Sessions without RPE (counted as 5)",
  sessionsInWindow: "Sessions in the window",
  distanceKm: "Run distance (km)",
  longest30Km: "Longest run of the 30 days before (km)",
  spike: "Spike (fraction longer)",
  hazardRatio: "Hazard ratio of the band",
  cautionAbove: "Caution above",
  warningAbove: "Warning above",
  maxSpike: "Largest spike in the window",
  maxSpikeDate: "Date of the largest spike",
  lastKm: "Last 7 days (km)",
  baselineKm: "Weekly mean of the 3 weeks before (km)",
  change: "Change",
  increaseAbove: "Increase flagged above",
  minBaselineKm: "Applies from a weekly mean of (km)",
  monotony: "Monotony",
  strain: "Strain",
  meanDailyLoad: "Mean daily load",
  sdDailyLoad: "SD of daily load",
  weeklyLoad: "Weekly load",
  nrs: "Pain (NRS 0–10)",
  previousNrs: "Previous report (NRS)",
  previousDate: "Previous report date",
  nrsThreshold: "NRS threshold",
  rise: "Rise (NRS points)",
  ostrcSeverity: "OSTRC severity (0–100)",
  ostrcDate: "OSTRC check-in date",
  overloadDate: "Overload day",
  overloadRules: "Overload rules",
  daysAfterOverload: "Days after the overload",
  zone: "Zone",
  zones: "Zones",
  symptoms: "Warning signs",
  emergency: "Emergency",
  reasons: "Why",
  subArea: "Area",
  recentKm: "Run km, last 7 days",
  priorKm: "Run km, the 4 weeks before",
  recentShare: "Share, last 7 days",
  priorShare: "Share, the 4 weeks before",
  surface: "Surface",
  firstReportDate: "First report",
  reportCount: "Reports",
  lastClearanceDate: "Last clearance",
  referenceKm: "Reference run (km)",
  breakDays: "Days without running",
  baselineRunKm: "Longest run before the overload (km)",
  maxRunKm: "Cap per run (km)",
  baselineWeekKm: "Average week before the overload (km)",
  maxWeekRunKm: "Cap for the next 7 days (km)",
  nrsChange: "Change since the previous report (points)",
  reportDate: "Report date",
  persistentReports: "Reports of 5/10 or more",
  persistentFrom: "First of those reports",
  persistentDays: "Days they span",
  startedBy: "Started by",
  startDate: "Start",
  endDate: "End",
  step: "Current step",
  steps: "Steps",
  stepLabel: "This step",
  maxRunMin: "Longest run this step (min)",
  runMin: "Run (min)",
  painMaxNrs: "Pain limit during a run (NRS)",
  runsSinceStart: "Runs since the start",
  overStepDate: "Run beyond the step on",
  overStepRunMin: "That run (min)",
  overStepLimitMin: "Its step's limit (min)",
};
const HIDDEN_VALUES = new Set(["runId", "possibleVisceralSources", "overStepRunIds", "capFromDate"]);

// Engine words (ids, zones, reasons) as people say them.
const WORDS: Record<string, string> = {
  ...FLAG_NAMES,
  ...Object.fromEntries(RED_FLAG_SYMPTOMS.map((s) => [s.id, s.label])),
  ...Object.fromEntries(Object.values(BACK_SUB_AREAS).flatMap((areas) => areas.map((a) => [a.id, a.label]))),
  ...Object.fromEntries(Object.entries(ZONE_LABELS).map(([zone, text]) => [zone.toLowerCase(), text])),
  "nrs-severe": "a report of 8/10 or more",
  "nrs-persistent": "5/10 or more on 3 reports over 14 days",
  clearance: "a clearance",
  break: "a break from running",
};
const word = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : (WORDS[v] ?? v));

function valueText(key: string, v: FlagValue, loadMeasure: FlagValue, unit: Unit): string {
  if (v === null) return "–";
  if (Array.isArray(v)) return v.map(word).join(", ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return formatFlagNumber(key, v, typeof loadMeasure === "string" ? loadMeasure : undefined, unit);
  return word(v);
}

const label = (key: string, unit: Unit) =>
  flagLabelInUnit(key, VALUE_LABELS[key] ?? key.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase()), unit);

function ReviewLine({ flag }: { flag: ReviewedFlag }) {
  if (!flag.review) return <p className="muted review-note">Not reviewed yet.</p>;
  return (
    <p className="review-note">
      <span className={flag.review.status === "RESOLVED" ? "badge" : "badge"}>
        {flag.review.status === "RESOLVED" ? "Resolved" : "Acknowledged"}
      </span>{" "}
      by {flag.review.by}
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
export function FlagPanelView({
  panel,
  squadId,
  athleteId,
  timeZone,
  unit,
  canPlan = true,
}: {
  panel: FlagPanel;
  squadId: string;
  athleteId: string;
  timeZone: string;
  /** The viewer's distance unit, for the explanations, numbers and suggestions. */
  unit: Unit;
  /** Coaches plan; clinicians read the flags without the plan's buttons. */
  canPlan?: boolean;
}) {
  // A referral is open until a clearance ends it (the engine stops raising it then), whatever its reviews.
  const openReferral = panel.flags.some((f) => f.severity === "referral");
  const shown = openReferral ? panel.flags.filter((f) => f.severity === "referral") : panel.flags;
  const held = panel.flags.length - shown.length;
  return (
    <section aria-labelledby="flags-heading">
      <h2 id="flags-heading">Flags</h2>
      {shown.length === 0 ? <p className="muted">Nothing flagged right now.</p> : null}
      {held > 0 ? (
        <p className="muted">
          {held} training flag{held === 1 ? " is" : "s are"} held back until a clinician has seen the athlete.
        </p>
      ) : null}
      <ul className="flag-list" style={{ listStyle: "none", padding: 0 }}>
        {shown.map((flag) => {
          const values = Object.entries(flag.values).filter(([k]) => !HIDDEN_VALUES.has(k));
          const suggestions = openReferral ? [] : (panel.suggestions[flag.id] ?? []);
          return (
            <li key={`${flag.id}-${flag.date}`} className={`card flag flag-${flag.severity}`} aria-label={FLAG_NAMES[flag.id]}>
              <h3 style={{ margin: 0 }}>
                <span className={flagBadge(flag).className}>{flagBadge(flag).text}</span>{" "}
                {FLAG_NAMES[flag.id]} <span className="muted">{formatDate(flag.date)}</span>
              </h3>
              <p>{textInUnit(flag.explanation, unit)}</p>
              {values.length ? (
                <details>
                  <summary>The numbers</summary>
                  <dl className="flag-values">
                    {values.map(([k, v]) => (
                      <div key={k}>
                        <dt>{label(k, unit)}</dt>
                        <dd>{valueText(k, v, flag.values.loadMeasure, unit)}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              ) : null}
              <p className="muted" style={{ fontSize: "0.9rem", margin: "0.25rem 0" }}>
                Evidence: {flag.evidence.strength}. {flag.evidence.citation}
              </p>
              <ReviewLine flag={flag} />
              {suggestions.length ? (
                <>
                  <h4>What it calls for</h4>
                  <ul style={{ listStyle: "none", padding: 0 }}>
                    {suggestions.map((s) => (
                      <SuggestionCard
                        key={s.id}
                        suggestion={s}
                        unit={unit}
                        action={canPlan ? <SuggestionAction suggestion={s} squadId={squadId} athleteId={athleteId} /> : null}
                      />
                    ))}
                  </ul>
                  <p>
                    <Link href={`/coach/squads/${squadId}/athletes/${athleteId}/plan`}>See it in the plan with the projection</Link>
                  </p>
                </>
              ) : null}
              {canPlan ? (
                <details>
                  <summary>{CLOSED_BY_CLEARANCE_ONLY.has(flag.id) ? "Acknowledge" : "Acknowledge or resolve"}</summary>
                  <FlagReviewForm
                    squadId={squadId}
                    athleteId={athleteId}
                    flagId={flag.id}
                    flagDate={flag.date}
                    flagName={FLAG_NAMES[flag.id]}
                    canResolve={!CLOSED_BY_CLEARANCE_ONLY.has(flag.id)}
                  />
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      <details>
        <summary>Review history ({panel.history.length})</summary>
        {panel.history.length === 0 ? (
          <p className="muted">No flag has been acknowledged or resolved yet.</p>
        ) : (
          <ol className="review-history">
            {panel.history.map((r) => (
              <li key={r.id}>
                {formatDateTime(new Date(r.at), timeZone)}: {r.by} {r.status === "RESOLVED" ? "resolved" : "acknowledged"} “
                {FLAG_NAMES[r.flagId as keyof typeof FLAG_NAMES] ?? r.flagId}” of {formatDate(r.flagDate)}
                {r.note ? ` — ${r.note}` : ""}
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}
