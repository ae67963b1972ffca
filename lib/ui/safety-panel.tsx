import type { Flag } from "@/lib/training-load";
import type { SafetyRecord } from "@/lib/safety/queries";
import { getTranslations } from "next-intl/server";
import { formatDate, formatDateTime } from "@/lib/dates";
import { flagBadge } from "@/lib/ui/severity";
import { engineText } from "@/lib/i18n/engine-text";
import { currentIntlLocale, currentLocale } from "@/lib/i18n/server";
import { isEmergency } from "@/lib/athletes/flag-history";
import { ClearanceForm, ReleaseHoldForm } from "@/lib/ui/safety-forms";

/**
 * The referral, the plan hold and the clearances of one athlete, for the squad's staff: first on the
 * athlete's page while anything is open. While a referral is open: who must act and the clearance form;
 * after a clearance: the held sessions and the coach's one action that releases them.
 */
export async function SafetyPanel({
  flags,
  record,
  squadId,
  athleteId,
  today,
  canRelease,
  viewerName,
  viewerIsClinician,
  timeZone,
}: {
  flags: Flag[];
  record: SafetyRecord;
  squadId: string;
  athleteId: string;
  today: string;
  canRelease: boolean;
  viewerName: string;
  viewerIsClinician: boolean;
  timeZone: string;
}) {
  const referral = flags.find((f) => f.id === "red-flag") ?? null;
  const activeHolds = record.holds.filter((h) => h.state === "active");
  const clearedHeld = record.holds.filter((h) => h.state === "cleared");
  const heldAfterClearance = clearedHeld.reduce((n, h) => n + h.heldSessions, 0);
  const heldNow = activeHolds.reduce((n, h) => n + h.heldSessions, 0);
  if (!referral && clearedHeld.length === 0 && record.clearances.length === 0) return null;
  const badge = referral ? flagBadge(referral, engineText(await currentLocale())) : null;
  const emergency = referral !== null && isEmergency(referral);
  // The referral runs from its first report not yet cleared.
  const since = referral?.triage?.firstReportDate ?? referral?.date;
  const latest = record.clearances[0];
  const t = await getTranslations("safety");
  const locale = await currentIntlLocale();
  const day = (date: string) => formatDate(date, locale);
  const when = (at: string | Date) => formatDateTime(new Date(at), timeZone, locale);
  const kind = (k: string) => t(`kindsLower.${k}` as "kindsLower.DOCTOR");
  return (
    <section aria-labelledby="safety-heading" className={`card safety-panel${emergency ? " emergency" : ""}`}>
      <h2 id="safety-heading" style={{ marginTop: 0 }}>
        {referral && badge ? (
          <>
            <span className={badge.className}>{badge.text}</span> {t("referralSince", { date: day(since!) })}
          </>
        ) : (
          t("heading")
        )}
      </h2>
      {referral ? (
        <>
          <p>
            {emergency ? t("toldEmergency") : t("toldClinician")} {t("onHoldFrom", { date: day(activeHolds.at(-1)?.startDate ?? since!), held: heldNow })}
          </p>
          <details open={viewerIsClinician}>
            <summary>{t("recordSummary")}</summary>
            <p className="muted">
              {t("recordHelp")}
              {emergency ? ` ${t("recordHelpEmergency")}` : ""}
            </p>
            <ClearanceForm squadId={squadId} athleteId={athleteId} today={today} defaultName={viewerIsClinician ? viewerName : undefined} />
          </details>
        </>
      ) : null}
      {!referral && heldAfterClearance > 0 ? (
        <>
          <p>
            {latest ? t("clearedBy", { name: latest.clinicianName, kind: kind(latest.clinicianKind), date: day(latest.clearedOn) }) : t("cleared")}{" "}
            {t("stillHeld", { count: heldAfterClearance })} {canRelease ? t("releaseOrReplan", { count: heldAfterClearance }) : t("coachReleases")}
          </p>
          {canRelease ? <ReleaseHoldForm squadId={squadId} athleteId={athleteId} heldSessions={heldAfterClearance} /> : null}
        </>
      ) : null}
      {!referral && heldAfterClearance === 0 && record.holds[0]?.state === "released" ? (
        <p>
          {t("released", {
            by: record.holds[0].releasedBy ? t("releasedBy", { name: record.holds[0].releasedBy }) : "",
            at: record.holds[0].releasedAt ? t("releasedAt", { at: when(record.holds[0].releasedAt) }) : "",
          })}
        </p>
      ) : null}
      {record.clearances.length > 0 ? (
        <details>
          <summary>{t("clearances", { count: record.clearances.length })}</summary>
          <ol className="review-history">
            {record.clearances.map((c) => (
              <li key={c.id}>
                {day(c.clearedOn)}: {c.clinicianName} ({kind(c.clinicianKind)}) — {c.note}
                <span className="muted"> · {t("recordedBy", { name: c.recordedBy ?? t("formerStaff"), at: when(c.recordedAt) })}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
