import type { Flag } from "@/lib/training-load";
import type { SafetyRecord } from "@/lib/safety/queries";
import { CLEARANCE_KIND_LABELS } from "@/lib/safety/labels";
import { formatDate, formatDateTime } from "@/lib/dates";
import { flagBadge } from "@/lib/ui/severity";
import { engineText } from "@/lib/i18n/engine-text";
import { currentLocale } from "@/lib/i18n/server";
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
  return (
    <section aria-labelledby="safety-heading" className={`card safety-panel${emergency ? " emergency" : ""}`}>
      <h2 id="safety-heading" style={{ marginTop: 0 }}>
        {referral && badge ? (
          <>
            <span className={badge.className}>{badge.text}</span> Referral open since {formatDate(since!)}
          </>
        ) : (
          "Referrals and clearances"
        )}
      </h2>
      {referral ? (
        <>
          <p>
            {emergency
              ? "The athlete was told to seek emergency care now. Make sure they have."
              : "The athlete was told to see a clinician. No training advice is given until a clearance is recorded."}{" "}
            The plan is on hold from {formatDate(activeHolds.at(-1)?.startDate ?? since!)}
            {heldNow > 0 ? ` (${heldNow} planned session${heldNow === 1 ? "" : "s"} held)` : ""}: held sessions stay in the plan,
            marked held in every view, export and calendar feed.
          </p>
          <details open={viewerIsClinician}>
            <summary>Record a clearance</summary>
            <p className="muted">
              Only a clearance ends a referral. Record who cleared the athlete, when, and what they said; the athlete and the squad&apos;s
              staff are told.{emergency ? " An emergency referral ends only with a doctor's clearance." : ""}
            </p>
            <ClearanceForm squadId={squadId} athleteId={athleteId} today={today} defaultName={viewerIsClinician ? viewerName : undefined} />
          </details>
        </>
      ) : null}
      {!referral && heldAfterClearance > 0 ? (
        <>
          <p>
            Cleared{latest ? ` by ${latest.clinicianName} (${CLEARANCE_KIND_LABELS[latest.clinicianKind].toLowerCase()}) on ${formatDate(latest.clearedOn)}` : ""}.{" "}
            {heldAfterClearance === 1 ? "1 planned session is" : `${heldAfterClearance} planned sessions are`} still on hold.{" "}
            {canRelease
              ? `Release ${heldAfterClearance === 1 ? "it" : "them"}, or replan ${heldAfterClearance === 1 ? "it" : "them one by one"}; the return to running follows graded steps (see the flags).`
              : "A coach of the squad releases or replans them; the return to running follows graded steps (see the flags)."}
          </p>
          {canRelease ? <ReleaseHoldForm squadId={squadId} athleteId={athleteId} heldSessions={heldAfterClearance} /> : null}
        </>
      ) : null}
      {!referral && heldAfterClearance === 0 && record.holds[0]?.state === "released" ? (
        <p>
          The held plan was released{record.holds[0].releasedBy ? ` by ${record.holds[0].releasedBy}` : ""}
          {record.holds[0].releasedAt ? ` on ${formatDateTime(new Date(record.holds[0].releasedAt), timeZone)}` : ""}. Running comes back in
          graded steps (see the flags).
        </p>
      ) : null}
      {record.clearances.length > 0 ? (
        <details>
          <summary>Clearances ({record.clearances.length})</summary>
          <ol className="review-history">
            {record.clearances.map((c) => (
              <li key={c.id}>
                {formatDate(c.clearedOn)}: {c.clinicianName} ({CLEARANCE_KIND_LABELS[c.clinicianKind].toLowerCase()}) — {c.note}
                <span className="muted">
                  {" "}
                  · recorded by {c.recordedBy ?? "a former staff member"}, {formatDateTime(new Date(c.recordedAt), timeZone)}
                </span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
