import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getCoachAthleteView } from "@/lib/athletes/coach-view";
import { NotFoundError } from "@/lib/errors";
import { AthleteGlance, LastPainText, RecentSessions, WindowCards, numberWords } from "@/lib/ui/athlete-summary";
import { ProfileFacts } from "@/lib/ui/profile-facts";
import { FlagPanelView } from "@/lib/ui/flag-panel";
import { FlagRows } from "@/lib/ui/flag-rows";
import { TrainingCharts } from "@/lib/ui/training-charts-section";
import { listCommentTargets } from "@/lib/comments/queries";
import { listCommentThreads } from "@/lib/athletes/comments";
import { CommentThreads } from "@/lib/ui/comment-threads";
import { formatDate, formatDateTime, mondayOf, todayIn } from "@/lib/dates";
import { CommentOpener } from "./comment-form";
import { AthleteExports } from "@/lib/ui/export-links";
import { parseChartRange } from "@/lib/athletes/schemas";
import { canCoachSquad } from "@/lib/auth/permissions";
import { SafetyPanel } from "@/lib/ui/safety-panel";
import { getAthleteCalendar } from "@/lib/plans/queries";
import { PlannedVsDoneTable } from "@/lib/ui/planned-vs-done-table";
import { glanceStatus, lastCheckIn, lastWellness } from "@/lib/athletes/glance";
import { AthleteTabs, parseAthleteTab, tabHref, type AthleteTab } from "@/lib/ui/athlete-tabs";
import { currentIntlLocale, currentLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("athletePage");
  return { title: t("metaTitle") };
}

const ZONES = ["CERVICAL", "DORSAL", "LUMBAR"] as const;
const SESSION_TYPES = ["RUN", "CROSS_TRAINING", "CORE", "STRENGTH", "MOBILITY", "OTHER"] as const;

export default async function CoachAthletePage({
  params,
  searchParams,
}: {
  params: Promise<{ squadId: string; athleteId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { squadId, athleteId } = await params;
  const query = await searchParams;
  const viewer = await requireViewer();
  const tab = parseAthleteTab(query);
  const range = parseChartRange(query, todayIn(viewer.timeZone));
  // Each query checks access itself, so they can all run at once; each tab reads only what it shows.
  const [view, targets, comments] = await Promise.all([
    getCoachAthleteView(viewer, squadId, athleteId, range.range),
    tab === "back" || tab === "sessions" ? listCommentTargets(viewer, squadId, athleteId) : null,
    tab === "summary" ? listCommentThreads(viewer, athleteId, { take: 20 }) : null,
  ]).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  // Clinicians read and record clearances and comments; plans, thresholds and exports are the coaches'.
  const coach = canCoachSquad(viewer, squadId);
  const calendar =
    coach && (tab === "summary" || tab === "plan")
      ? await getAthleteCalendar(viewer, squadId, athleteId, { view: "week", start: mondayOf(view.training.asOf) }).catch((e) => {
          if (e instanceof NotFoundError) notFound();
          throw e;
        })
      : null;
  const [t, locale, intl] = await Promise.all([getTranslations("athletePage"), currentLocale(), currentIntlLocale()]);
  const unit = viewer.unitPreference;
  const base = `/coach/squads/${squadId}/athletes/${athleteId}`;
  const tabs: { id: AthleteTab; label: string }[] = [
    { id: "summary", label: t("tabs.summary") },
    { id: "load", label: t("tabs.load") },
    { id: "back", label: t("tabs.back") },
    { id: "plan", label: t("tabs.plan") },
    { id: "sessions", label: t("tabs.sessions") },
    { id: "profile", label: t("tabs.profile") },
  ];
  const words = numberWords(intl, unit);
  const zoneTitle = (z: string) => ((ZONES as readonly string[]).includes(z) ? t(`back.zoneTitles.${z as (typeof ZONES)[number]}`) : t("back.zoneTitles.other"));
  const sessionType = (s: string) => ((SESSION_TYPES as readonly string[]).includes(s) ? t(`sessionTypes.${s as (typeof SESSION_TYPES)[number]}`) : t("sessionTypes.OTHER"));
  const enteredBy = (name: string | null, changedAt: Date | null) =>
    name ? (
      <p className="muted comment-target-notes">
        {name === viewer.name ? t("comments.enteredByYou") : t("comments.enteredBy", { name })}
        {changedAt ? t("comments.changedByAthlete", { when: formatDateTime(changedAt, viewer.timeZone, intl) }) : ""}
      </p>
    ) : null;

  return (
    <>
      <p className="back-link">
        <Link href={coach ? `/coach/squads/${squadId}` : "/coach"}>← {view.squadName}</Link>
      </p>
      <div className="athlete-head">
        <h1>{view.profile.name}</h1>
        <p className="page-links">
          {coach ? (
            <>
              <Link className="button" href={`${base}/plan`}>
                {t("links.plan")}
              </Link>
              <Link href={`${base}/log`}>{t("links.logCoach", { name: view.profile.name })}</Link>
            </>
          ) : (
            <Link href={`${base}/log`}>{t("links.logClinician", { name: view.profile.name })}</Link>
          )}
        </p>
      </div>
      <AthleteTabs basePath={base} current={tab} tabs={tabs} label={t("tabs.label", { name: view.profile.name })} />

      {tab === "summary" ? (
        <>
          <AthleteGlance
            data={{
              status: glanceStatus(view.training.flags, view.safety),
              week: calendar?.comparison.weeks[0] ?? null,
              last7: view.summary.last7,
              lastPain: view.summary.lastPainReport,
              lastCheckIn: lastCheckIn(view.training.engine.ostrc),
              lastWellness: view.training.wellness.enabled || view.training.engine.wellness.length ? lastWellness(view.training.engine.wellness) : undefined,
            }}
            flags={
              <FlagRows
                panel={view.flagPanel}
                squadId={squadId}
                athleteId={athleteId}
                timeZone={viewer.timeZone}
                unit={unit}
                canPlan={coach}
                locale={locale}
                intl={intl}
                shoes={view.training.shoes}
              />
            }
            unit={unit}
            intl={intl}
            hrefs={{
              safety: "#safety-heading",
              plan: coach ? tabHref(base, "plan") : null,
              back: tabHref(base, "back"),
              load: tabHref(base, "load"),
            }}
          />
          <SafetyPanel
            flags={view.training.flags}
            record={view.safety}
            squadId={squadId}
            athleteId={athleteId}
            today={view.training.asOf}
            canRelease={coach}
            viewerName={viewer.name}
            viewerIsClinician={!coach}
            timeZone={viewer.timeZone}
          />
          <section aria-labelledby="comments">
            <h2 id="comments">{t("comments.heading")}</h2>
            {comments && comments.length ? (
              <CommentThreads threads={comments} timeZone={viewer.timeZone} audience="staff" />
            ) : (
              <p className="muted">{t("comments.none")}</p>
            )}
            <p className="muted">
              {t("comments.howTo")} <Link href={tabHref(base, "sessions")}>{t("tabs.sessions")}</Link> · <Link href={tabHref(base, "back")}>{t("tabs.back")}</Link>
            </p>
          </section>
        </>
      ) : null}

      {tab === "load" ? (
        <>
          <h2>{t("load.windows")}</h2>
          <WindowCards summary={view.summary} unit={unit} intl={intl} />
          <TrainingCharts
            training={view.training}
            unit={unit}
            range={range}
            entryLinks={coach ? { log: `${base}/log`, import: `${base}/import` } : null}
          />
        </>
      ) : null}

      {tab === "back" ? (
        <>
          <SafetyPanel
            flags={view.training.flags}
            record={view.safety}
            squadId={squadId}
            athleteId={athleteId}
            today={view.training.asOf}
            canRelease={coach}
            viewerName={viewer.name}
            viewerIsClinician={!coach}
            timeZone={viewer.timeZone}
          />
          <h2 id="back-heading">{t("back.heading")}</h2>
          <p>
            <strong>{t("glance.lastPain")}:</strong> <LastPainText report={view.summary.lastPainReport} intl={intl} />
          </p>
          <section aria-labelledby="pain-targets-heading">
            <h2 id="pain-targets-heading">{t("back.reportsHeading")}</h2>
            <p className="muted">{t("comments.athleteSees")}</p>
            {!targets || targets.painReports.length === 0 ? (
              <p className="muted">{t("back.noReports")}</p>
            ) : (
              <ul className="comment-target-list">
                {targets.painReports.map((r) => {
                  const title = t("back.reportTitle", { zone: zoneTitle(r.zone), nrs: r.nrs, date: formatDate(r.date, intl) });
                  return (
                    <li key={r.id} className="card">
                      <p className="comment-target-title">
                        <strong>{title}</strong>
                        {r.commentCount ? <span className="badge">{t("comments.count", { count: r.commentCount })}</span> : null}
                      </p>
                      {r.notes ? <p className="muted comment-target-notes">{r.notes}</p> : null}
                      {enteredBy(r.enteredBy, r.athleteEditedAt)}
                      <CommentOpener squadId={squadId} athleteId={athleteId} target="painReport" targetId={r.id} label={t("comments.on", { title })} />
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      ) : null}

      {tab === "plan" ? (
        <>
          {coach && calendar ? (
            <section aria-labelledby="week-heading">
              <h2 id="week-heading">{t("plan.weekHeading")}</h2>
              <PlannedVsDoneTable
                view="week"
                days={calendar.comparison.days}
                weeks={calendar.comparison.weeks}
                unit={unit}
                caption={t("plan.caption")}
              />
              <p>
                <Link className="button" href={`${base}/plan`}>
                  {t("links.plan")}
                </Link>
              </p>
            </section>
          ) : null}
          <FlagPanelView
            panel={view.flagPanel}
            squadId={squadId}
            athleteId={athleteId}
            timeZone={viewer.timeZone}
            unit={unit}
            canPlan={coach}
            shoeNames={Object.fromEntries(view.training.shoes.map((s) => [s.id, s.name]))}
          />
        </>
      ) : null}

      {tab === "sessions" ? (
        <>
          <RecentSessions summary={view.summary} unit={unit} intl={intl} />
          <section aria-labelledby="session-targets-heading">
            <h2 id="session-targets-heading">{t("sessions.commentHeading")}</h2>
            <p className="muted">{t("comments.athleteSees")}</p>
            {!targets || targets.sessions.length === 0 ? (
              <p className="muted">{t("sessions.none")}</p>
            ) : (
              <ul className="comment-target-list">
                {targets.sessions.map((s) => {
                  const title = [
                    sessionType(s.type),
                    words.duration(s.durationMin),
                    s.distanceKm ? words.distance(s.distanceKm) : null,
                    s.rpe !== null ? t("sessions.rpeValue", { rpe: s.rpe }) : null,
                    `${formatDate(s.shownDate, intl)}${s.startTime ? ` ${s.startTime}` : ""}`,
                  ]
                    .filter(Boolean)
                    .join(", ");
                  return (
                    <li key={s.id} className="card">
                      <p className="comment-target-title">
                        <strong>{title}</strong>
                        {s.commentCount ? <span className="badge">{t("comments.count", { count: s.commentCount })}</span> : null}
                      </p>
                      {enteredBy(s.enteredBy, s.athleteEditedAt)}
                      <CommentOpener squadId={squadId} athleteId={athleteId} target="session" targetId={s.id} label={t("comments.on", { title })} />
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      ) : null}

      {tab === "profile" ? (
        <>
          <h2>{t("profile.heading")}</h2>
          <div className="card">
            <ProfileFacts profile={view.profile} />
          </div>
          {coach ? (
            <p className="page-links">
              <Link href={`${base}/thresholds`}>{t("links.thresholds")}</Link>
              {" · "}
              <Link href={`${base}/account`}>{t("links.account")}</Link>
            </p>
          ) : null}
          {coach ? <AthleteExports squadId={squadId} athleteId={athleteId} today={todayIn(viewer.timeZone)} /> : null}
        </>
      ) : null}
    </>
  );
}
