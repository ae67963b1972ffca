import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getRecentRemoval, getSquadForCoach, UNDO_REMOVAL_MINUTES, type SquadDetail } from "@/lib/squads/queries";
import { NotFoundError } from "@/lib/errors";
import { formatDate, formatDateTime, dateOnly } from "@/lib/dates";
import { currentIntlLocale } from "@/lib/i18n/server";
import { ConfirmRemovalForm, InviteForm, RevokeInvitationButton, UndoRemovalForm, WellnessSettingForm } from "./squad-forms";
import { AddManagedAthleteForm } from "./managed-athlete-form";
import { SquadPlanExport } from "@/lib/ui/export-links";
import { todayIn } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("squad");
  return { title: t("metaTitle") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SquadPage({
  params,
  searchParams,
}: {
  params: Promise<{ squadId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { squadId } = await params;
  const query = await searchParams;
  const viewer = await requireViewer();
  const squad = await getSquadForCoach(viewer, squadId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [t, intl] = await Promise.all([getTranslations("squad"), currentIntlLocale()]);
  const athletes = squad.members.filter((m) => m.role === "ATHLETE");
  const coaches = squad.members.filter((m) => m.role === "COACH");
  const clinicians = squad.members.filter((m) => m.role === "CLINICIAN");
  // The removal asked for (?remove=), and what the last one did (?removed=, ?restored=): all in the URL, so
  // the confirmation and its undo work without JavaScript.
  const removeId = one(query.remove);
  const toRemove = removeId ? squad.members.find((m) => m.userId === removeId && removable(squad, m)) : undefined;
  const removedId = one(query.removed);
  const removal = removedId ? await getRecentRemoval(viewer, squad.id, removedId).catch(() => null) : null;
  const restoredId = one(query.restored);
  const restored = restoredId ? squad.members.find((m) => m.userId === restoredId) : undefined;
  const base = `/coach/squads/${squad.id}`;
  const roleLabel = (role: string) => (role === "COACH" ? t("roleCoach") : role === "CLINICIAN" ? t("roleClinician") : t("roleAthlete"));
  return (
    <>
      <p>
        <Link href="/coach">← {t("allSquads")}</Link>
      </p>
      <h1>{squad.name}</h1>
      <p className="page-links">
        <Link href={`${base}/plan`}>{t("linkPlan")}</Link>
        {" · "}
        <Link href={`${base}/log`}>{t("linkLog")}</Link>
        {" · "}
        <Link href={`${base}/plan/templates`}>{t("linkTemplates")}</Link>
        {" · "}
        <Link href={`${base}/thresholds`}>{t("linkThresholds")}</Link>
        {" · "}
        <Link href={`${base}/audit`}>{t("linkAudit")}</Link>
      </p>

      {toRemove ? (
        <section className="card confirm-card" id="confirm-remove" aria-labelledby="confirm-remove-heading">
          <h2 id="confirm-remove-heading" style={{ marginTop: 0 }}>
            {t("removeQuestion", { name: toRemove.name, squad: squad.name })}
          </h2>
          <p>{toRemove.role === "ATHLETE" ? t("removeConsequence") : t("removeStaffConsequence")}</p>
          <ConfirmRemovalForm squadId={squad.id} userId={toRemove.userId} cancelHref={base} />
        </section>
      ) : null}
      {removal ? (
        <div className="card notice" role="status">
          <p style={{ margin: 0 }}>{t("removedNotice", { name: removal.name, squad: squad.name })}</p>
          {removal.undoable ? (
            <UndoRemovalForm squadId={squad.id} userId={removedId!} minutes={UNDO_REMOVAL_MINUTES} />
          ) : (
            <p className="muted" style={{ margin: "0.25rem 0 0" }}>
              {t("removedNoUndo", { minutes: UNDO_REMOVAL_MINUTES })}
            </p>
          )}
        </div>
      ) : null}
      {restored ? (
        <p className="card notice" role="status">
          {t("restoredNotice", { name: restored.name, squad: squad.name })}
        </p>
      ) : null}

      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading" style={{ marginTop: 0 }}>
          {t("inviteHeading")}
        </h2>
        <p className="muted">{t("inviteHint")}</p>
        <InviteForm squadId={squad.id} canInviteCoaches={squad.isOwner} />
      </section>

      <section className="card" aria-labelledby="add-athlete-heading">
        <h2 id="add-athlete-heading" style={{ marginTop: 0 }}>
          {t("addManagedHeading")}
        </h2>
        <p className="muted">{t("addManagedHint")}</p>
        <AddManagedAthleteForm squadId={squad.id} />
      </section>
      <section className="card" aria-labelledby="wellness-heading">
        <h2 id="wellness-heading" style={{ marginTop: 0 }}>
          {squad.wellnessCheckIn ? t("wellnessHeadingOn") : t("wellnessHeadingOff")}
        </h2>
        <p className="muted">{t("wellnessHint")}</p>
        {squad.isOwner ? (
          <WellnessSettingForm squadId={squad.id} enabled={squad.wellnessCheckIn} />
        ) : (
          <p className="muted">{t("wellnessOwnerOnly")}</p>
        )}
      </section>

      <h2>{t("athletesHeading", { count: athletes.length })}</h2>
      {athletes.length === 0 ? (
        <p className="muted">{t("noAthletes")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("colName")}</th>
                <th scope="col" className="hide-narrow">
                  {t("colEmail")}
                </th>
                <th scope="col">{t("colJoined")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("colActions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {athletes.map((m) => (
                <tr key={m.userId}>
                  <td>
                    {/* No prefetch: a hundred visible links would each ask the server for an athlete's page. */}
                    <Link href={`${base}/athletes/${m.userId}`} prefetch={false}>
                      {m.name}
                    </Link>
                    {m.email === null ? (
                      <>
                        {" "}
                        <span className="badge">{t("noLoginBadge")}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="hide-narrow">{m.email ?? <span className="muted">{t("noLoginYet")}</span>}</td>
                  <td>{formatDate(dateOnly(m.joinedAt), intl)}</td>
                  <td>
                    {m.email === null ? (
                      <Link href={`${base}/athletes/${m.userId}/account`} prefetch={false}>
                        {t("loginAndData")}
                        <span className="visually-hidden"> {t("ofName", { name: m.name })}</span>
                      </Link>
                    ) : (
                      <RemoveLink base={base} userId={m.userId} name={m.name} label={t("remove")} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("coachesHeading")}</h2>
      <ul className="member-list">
        {coaches.map((m) => (
          <li key={m.userId}>
            {m.name} {m.isOwner ? <span className="badge">{t("headCoach")}</span> : <span className="badge">{t("assistant")}</span>}
            {!m.isOwner && squad.isOwner ? (
              <>
                {" "}
                <RemoveLink base={base} userId={m.userId} name={m.name} label={t("remove")} />
              </>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>{t("cliniciansHeading")}</h2>
      <p className="muted">{t("cliniciansHint")}</p>
      {clinicians.length === 0 ? (
        <p className="muted">{t("noClinicians")}</p>
      ) : (
        <ul className="member-list">
          {clinicians.map((m) => (
            <li key={m.userId}>
              {m.name} <span className="badge">{t("clinicianBadge")}</span>
              {squad.isOwner ? (
                <>
                  {" "}
                  <RemoveLink base={base} userId={m.userId} name={m.name} label={t("remove")} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2>{t("invitationsHeading")}</h2>
      {squad.invitations.length === 0 ? (
        <p className="muted">{t("noInvitations")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("colFor")}</th>
                <th scope="col">{t("colRole")}</th>
                <th scope="col">{t("colStatus")}</th>
                <th scope="col">{t("colExpires")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("colActions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {squad.invitations.map((inv) => (
                <tr key={inv.id}>
                  <td>{inv.note ?? <span className="muted">—</span>}</td>
                  <td>
                    {roleLabel(inv.role)}
                    {inv.claim ? ` ${t("claimSuffix")}` : null}
                  </td>
                  <td>
                    <span className="badge">{t(`invitationStatus.${inv.status}`)}</span>
                    {inv.usedBy ? ` ${t("usedBy", { name: inv.usedBy })}` : null}
                  </td>
                  <td>{formatDateTime(inv.expiresAt, viewer.timeZone, intl)}</td>
                  <td>{inv.status === "pending" ? <RevokeInvitationButton invitationId={inv.id} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <SquadPlanExport squadId={squad.id} athletes={athletes.map((m) => ({ id: m.userId, name: m.name }))} today={todayIn(viewer.timeZone)} />
    </>
  );
}

/** Who this page offers to remove: athletes with a login, and (to the head coach) assistant coaches and clinicians. */
function removable(squad: SquadDetail, m: SquadDetail["members"][number]): boolean {
  if (m.isOwner || !m.hasLogin) return false;
  return m.role === "ATHLETE" || squad.isOwner;
}

/** Remove opens the confirmation on this page (a link: it works without JavaScript and asks before anything goes). */
function RemoveLink({ base, userId, name, label }: { base: string; userId: string; name: string; label: string }) {
  return (
    <Link href={`${base}?remove=${encodeURIComponent(userId)}#confirm-remove`} className="button button-danger" prefetch={false}>
      {label}
      <span className="visually-hidden"> {name}</span>
    </Link>
  );
}
