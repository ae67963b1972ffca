import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getFeedStatus } from "@/lib/calendar/feeds";
import { listPlannedSessions } from "@/lib/plans/queries";
import { PlannedTitle } from "@/lib/ui/planned-title";
import { addDays, formatDate, formatDateTime, todayIn } from "@/lib/dates";
import { FeedForms } from "./feed-forms";
import { getTrainingView } from "@/lib/athletes/training";
import { textInUnit } from "@/lib/units";

export const metadata: Metadata = { title: "Plan and calendar" };

export default async function CalendarPage() {
  const viewer = await requireViewer();
  const today = todayIn(viewer.timeZone);
  const [status, planned, training] = await Promise.all([
    getFeedStatus(viewer),
    listPlannedSessions(viewer, viewer.id, today, addDays(today, 27)),
    getTrainingView(viewer, viewer.id, 28),
  ]);
  const returning = training.flags.find((f) => f.id === "return-to-run");
  const step = returning ? { label: returning.values.stepLabel, maxMin: returning.values.maxRunMin, until: returning.values.endDate } : null;
  return (
    <div className="narrow">
      <h1>Your plan</h1>
      {step ? (
        <p className="notice notice-warn">
          <strong>You are returning to running{typeof step.until === "string" ? ` until ${formatDate(step.until)}` : ""}.</strong> Your next
          run is {typeof step.label === "string" ? step.label : "the next step"}
          {typeof step.maxMin === "number" ? ` (at most ${Math.round(step.maxMin)} min)` : ""}, whatever the plan below says: take the next
          step only when pain during the run stays at 3/10 or less and is back to its usual level by the next morning.
        </p>
      ) : null}
      {planned.some((p) => p.held) ? (
        <p className="notice notice-warn">
          Sessions marked <strong>on hold</strong> wait until a clinician has cleared you and your coach has released the plan. Do
          not train them in the meantime.
        </p>
      ) : null}
      {planned.length === 0 ? (
        <p className="muted">Nothing planned for the next four weeks.</p>
      ) : (
        <ul>
          {planned.map((p) => (
            <li key={p.id}>
              <strong>{formatDate(p.date)}</strong>:{" "}
              <PlannedTitle planned={p} unit={viewer.unitPreference} />
              {p.reason && !p.held ? <div className="muted">{textInUnit(p.reason, viewer.unitPreference)}</div> : null}
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="feed-heading">
        <h2 id="feed-heading" style={{ marginTop: 0 }}>
          Follow your plan in your calendar
        </h2>
        <p>
          Subscribe to a private address in your calendar app and the plan stays up to date there. Anyone with the
          address can read your plan, so keep it to yourself; you can replace or stop it at any time.
        </p>
        <p>
          {status.active && status.createdAt
            ? `A feed address is active (created ${formatDateTime(status.createdAt, viewer.timeZone)}).`
            : "No feed address is active."}
        </p>
        <FeedForms active={status.active} />
        <p>
          <a href="/api/calendar/download" download>
            Download the plan once as an .ics file
          </a>
        </p>
      </section>
    </div>
  );
}
