import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getAthleteSummary } from "@/lib/athletes/queries";
import { LastPainText, RecentSessions, WindowCards } from "@/lib/ui/athlete-summary";
import { isCheckInDue } from "@/lib/ostrc/queries";
import { getTrainingView } from "@/lib/athletes/training";
import { AthleteFlagRows } from "@/lib/ui/flag-rows";
import { TrainingCharts } from "@/lib/ui/training-charts-section";
import { listPlannedSessions } from "@/lib/plans/queries";
import { listOwnSessions } from "@/lib/sessions/queries";
import { listCommentThreads } from "@/lib/athletes/comments";
import { CommentThreads } from "@/lib/ui/comment-threads";
import { WeekPlan } from "@/lib/ui/week-plan";
import { addDays, mondayOf, todayIn } from "@/lib/dates";
import { parseChartRange } from "@/lib/athletes/schemas";
import { AthleteTriageCard } from "@/lib/ui/athlete-triage-card";
import { isAthleteWithoutSquad } from "@/lib/auth/permissions";
import { getOwnWellnessToday } from "@/lib/wellness/queries";
import { AthleteTabs, parseAthleteTab, type AthleteTab } from "@/lib/ui/athlete-tabs";
import { currentIntlLocale, currentLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("athleteHome");
  return { title: t("metaTitle") };
}

const HOME_TABS: readonly AthleteTab[] = ["summary", "load", "sessions"];

export default async function AthleteHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const query = await searchParams;
  const tab = parseAthleteTab(query, HOME_TABS);
  const today = todayIn(viewer.timeZone);
  const monday = mondayOf(today);
  const range = parseChartRange(query, today);
  const summaryTab = tab === "summary";
  // The flags and the triage card need the training view on every tab; the week, comments and
  // wellness only on the summary.
  const [summary, training, checkInDue, planned, done, comments, wellness, t, intl] = await Promise.all([
    getAthleteSummary(viewer, viewer.id),
    getTrainingView(viewer, viewer.id, range.range),
    isCheckInDue(viewer),
    listPlannedSessions(viewer, viewer.id, monday, addDays(monday, 6)),
    summaryTab ? listOwnSessions(viewer, 7) : null,
    summaryTab ? listCommentThreads(viewer, viewer.id) : null,
    summaryTab ? getOwnWellnessToday(viewer) : null,
    getTranslations("athleteHome"),
    currentIntlLocale(),
  ]);
  const locale = await currentLocale();
  const unit = viewer.unitPreference;
  const referral = training.flags.find((f) => f.id === "red-flag");
  const tabs: { id: AthleteTab; label: string }[] = [
    { id: "summary", label: t("tabs.summary") },
    { id: "load", label: t("tabs.load") },
    { id: "sessions", label: t("tabs.sessions") },
  ];
  return (
    <>
      {referral ? <AthleteTriageCard referral={referral} heldSessions={planned.filter((p) => p.held).length} /> : null}
      <h1>{t("hello", { name: viewer.name })}</h1>
      {isAthleteWithoutSquad(viewer) ? (
        <p className="notice notice-warn">
          <strong>{t("noSquad")}</strong> {t("noSquadMore")}
        </p>
      ) : null}
      {checkInDue ? (
        <p className="notice notice-warn">
          <strong>{t("checkInMissing")}</strong> <Link href="/athlete/check-in">{t("checkInLink")}</Link> {t("checkInTime")}
        </p>
      ) : null}
      <p className="page-links">
        <Link className="button" href="/athlete/sessions">
          {t("logSession")}
        </Link>
        <Link className="button button-secondary" href="/athlete/pain">
          {t("reportPain")}
        </Link>
      </p>
      <AthleteTabs basePath="/athlete" current={tab} tabs={tabs} label={t("tabs.label")} />

      {summaryTab ? (
        <>
          {wellness?.enabled ? (
            <section className="card" aria-labelledby="wellness-card-heading">
              <h2 id="wellness-card-heading" style={{ marginTop: 0 }}>
                {t("wellness.heading")}
              </h2>
              {wellness.entry ? (
                <p style={{ margin: 0 }}>
                  {t("wellness.answered", { hooper: `${wellness.entry.hooper}/25`, stiffness: wellness.entry.backStiffness })}{" "}
                  <Link href="/athlete/wellness">{t("wellness.change")}</Link>
                </p>
              ) : (
                <p style={{ margin: 0 }}>
                  <Link className="button" href="/athlete/wellness">
                    {t("wellness.answer")}
                  </Link>{" "}
                  <span className="muted">{t("wellness.time")}</span>
                </p>
              )}
            </section>
          ) : null}
          <h2>{t("thisWeek")}</h2>
          <WeekPlan
            monday={monday}
            planned={planned}
            done={(done ?? []).filter((d) => d.date >= monday)}
            unit={unit}
            workoutHref={(id) => `/api/exports/me/workouts/${encodeURIComponent(id)}`}
          />
          {planned.some((p) => !p.held) ? (
            <p>
              <a className="button button-secondary" href={`/api/exports/me/workouts?week=${monday}`} download>
                {t("downloadWorkouts")}
              </a>
            </p>
          ) : null}
          <p>
            <strong>{t("lastPain")}:</strong> <LastPainText report={summary.lastPainReport} intl={intl} />
          </p>
          <h2>{t("watch")}</h2>
          <AthleteFlagRows flags={training.flags} unit={unit} locale={locale} intl={intl} shoes={training.shoes} />
          {comments && comments.length ? (
            <>
              <h2>{t("fromCoaches")}</h2>
              <CommentThreads threads={comments} timeZone={viewer.timeZone} audience="athlete" />
            </>
          ) : null}
          <h2>{t("squads")}</h2>
          {summary.squads.length === 0 ? <p className="muted">{t("noSquads")}</p> : null}
          <ul>
            {summary.squads.map((s) => (
              <li key={s.id}>
                {s.name}
                {s.coaches.length ? <span className="muted"> — {t("coachedBy", { coaches: s.coaches.join(", ") })}</span> : null}
              </li>
            ))}
          </ul>
          <p>
            {t.rich("profileHint", { link: (chunks) => <Link href="/athlete/profile">{chunks}</Link> })}
          </p>
        </>
      ) : null}

      {tab === "load" ? (
        <>
          <WindowCards summary={summary} unit={unit} intl={intl} />
          <TrainingCharts training={training} unit={unit} range={range} />
        </>
      ) : null}

      {tab === "sessions" ? (
        <>
          <RecentSessions summary={summary} unit={unit} intl={intl} />
          <p>
            <Link href="/athlete/sessions">{t("allSessions")}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}
