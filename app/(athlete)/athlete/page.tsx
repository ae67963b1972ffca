import Link from "next/link";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getAthleteSummary } from "@/lib/athletes/queries";
import { AthleteSummaryView } from "@/lib/ui/athlete-summary";
import { isCheckInDue } from "@/lib/ostrc/queries";
import { getTrainingView } from "@/lib/athletes/training";
import { FlagList } from "@/lib/ui/flag-list";
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
import { hooperText } from "@/lib/wellness/labels";

export const metadata: Metadata = { title: "My training" };

export default async function AthleteHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const today = todayIn(viewer.timeZone);
  const monday = mondayOf(today);
  const range = parseChartRange(await searchParams, today);
  const [summary, training, checkInDue, planned, done, comments, wellness] = await Promise.all([
    getAthleteSummary(viewer, viewer.id),
    getTrainingView(viewer, viewer.id, range.range),
    isCheckInDue(viewer),
    listPlannedSessions(viewer, viewer.id, monday, addDays(monday, 6)),
    listOwnSessions(viewer, 7),
    listCommentThreads(viewer, viewer.id),
    getOwnWellnessToday(viewer),
  ]);
  const referral = training.flags.find((f) => f.id === "red-flag");
  return (
    <>
      {referral ? <AthleteTriageCard referral={referral} heldSessions={planned.filter((p) => p.held).length} /> : null}
      <h1>Hello, {viewer.name}</h1>
      {isAthleteWithoutSquad(viewer) ? (
        <p className="notice notice-warn">
          <strong>You are not in a squad at the moment.</strong> Your account and all your training data are yours: keep
          logging sessions and back pain as before. No coach sees them until you join a squad; to join one, open the
          invitation link a coach sends you.
        </p>
      ) : null}
      {checkInDue ? (
        <p className="notice notice-warn">
          <strong>This week&apos;s check-in is missing.</strong>{" "}
          <Link href="/athlete/check-in">Answer the weekly back check-in</Link> (under a minute).
        </p>
      ) : null}
      {wellness.enabled ? (
        <section className="card" aria-labelledby="wellness-card-heading">
          <h2 id="wellness-card-heading" style={{ marginTop: 0 }}>
            How are you today?
          </h2>
          {wellness.entry ? (
            <p style={{ margin: 0 }}>
              Answered: {hooperText(wellness.entry.hooper)} (sleep, fatigue, soreness, stress and mood; lower is better), back
              stiffness {wellness.entry.backStiffness}/10. <Link href="/athlete/wellness">Change today&apos;s answer</Link>
            </p>
          ) : (
            <p style={{ margin: 0 }}>
              <Link className="button" href="/athlete/wellness">
                Answer the daily check-in
              </Link>{" "}
              <span className="muted">six taps, about 15 seconds</span>
            </p>
          )}
        </section>
      ) : null}
      <p>
        <Link className="button" href="/athlete/sessions">
          Log a session
        </Link>{" "}
        <Link className="button button-secondary" href="/athlete/pain">
          Report back pain
        </Link>
      </p>
      <h2>This week</h2>
      <WeekPlan
        monday={monday}
        planned={planned}
        done={done.filter((d) => d.date >= monday)}
        unit={viewer.unitPreference}
        workoutHref={(id) => `/api/exports/me/workouts/${encodeURIComponent(id)}`}
      />
      {planned.some((p) => !p.held) ? (
        <p>
          <a className="button button-secondary" href={`/api/exports/me/workouts?week=${monday}`} download>
            Download this week&apos;s workouts for a watch (.zip of .fit files)
          </a>
        </p>
      ) : null}
      <h2>What to watch</h2>
      <FlagList flags={training.flags} audience="athlete" unit={viewer.unitPreference} />
      {comments.length ? (
        <>
          <h2>From your coaches</h2>
          <CommentThreads threads={comments} timeZone={viewer.timeZone} audience="athlete" />
        </>
      ) : null}
      <AthleteSummaryView summary={summary} unit={viewer.unitPreference} />
      <TrainingCharts training={training} unit={viewer.unitPreference} range={range} />
      <h2>Your squads</h2>
      {summary.squads.length === 0 ? <p className="muted">None at the moment.</p> : null}
      <ul>
        {summary.squads.map((s) => (
          <li key={s.id}>
            {s.name}
            {s.coaches.length ? <span className="muted"> — coached by {s.coaches.join(", ")}</span> : null}
          </li>
        ))}
      </ul>
      <p>
        Keep your <Link href="/athlete/profile">profile</Link> up to date: your coaches use it to read your back-health
        risks.
      </p>
    </>
  );
}
