import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentIntlLocale, currentLocale } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getPlannedSessionForEdit } from "@/lib/plans/queries";
import { formatDate } from "@/lib/dates";
import { describeWorkout, type WorkoutWords } from "@/lib/plans/workout-steps";
import { EditPlannedSessionForm } from "../../plan-forms";
import { plannedReasonText } from "@/lib/plans/reason";
import { engineText } from "@/lib/i18n/engine-text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("editHeading") };
}

export default async function EditPlannedSessionPage({ params }: { params: Promise<{ squadId: string; athleteId: string; plannedId: string }> }) {
  const { squadId, athleteId, plannedId } = await params;
  const viewer = await requireViewer();
  const { planned, athleteName } = await getPlannedSessionForEdit(viewer, squadId, athleteId, plannedId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const planHref = `/coach/squads/${squadId}/athletes/${athleteId}/plan`;
  const t = await getTranslations("plan");
  const locale = await currentIntlLocale();
  const reason = plannedReasonText(planned, engineText(await currentLocale(), viewer.unitPreference));
  return (
    <>
      <p>
        <Link href={`${planHref}?view=week&start=${planned.date}`}>← {t("planFor", { name: athleteName })}</Link>
      </p>
      <h1>{t("editHeading")}</h1>
      <p>
        {athleteName}, {formatDate(planned.date, locale)}
        {planned.origin === "SUGGESTION" ? (
          <>
            {" "}
            <span className="badge">{t("suggestedBadge", { flag: planned.flagId ?? t("engine") })}</span>
          </>
        ) : null}
        {planned.origin === "TEMPLATE" ? (
          <>
            {" "}
            <span className="badge">{t("templateBadge")}</span>
          </>
        ) : null}
      </p>
      {reason ? <p className="muted">{t("whyPlanned", { reason })}</p> : null}
      {planned.steps ? (
        <p>
          <strong>{t("workoutLabel")}</strong> {describeWorkout(planned.steps, viewer.unitPreference, (await getTranslations("workoutSteps")) as unknown as WorkoutWords)}
        </p>
      ) : null}
      {planned.held ? (
        <p className="muted">{t("heldNoWatch")}</p>
      ) : (
        <p>
          <a
            className="button button-secondary"
            href={`/api/exports/squads/${encodeURIComponent(squadId)}/athletes/${encodeURIComponent(athleteId)}/workouts/${encodeURIComponent(planned.id)}`}
            download
          >
            {t("downloadFit")}
          </a>{" "}
          <span className="hint">{t("fitHint")}</span>
        </p>
      )}
      <div className="card">
        <EditPlannedSessionForm plannedId={planned.id} unit={viewer.unitPreference} values={{
            type: planned.type,
            subType: planned.subType,
            date: planned.date,
            title: planned.title,
            durationMin: planned.durationMin,
            distanceKm: planned.distanceKm,
            targetRpe: planned.targetRpe,
            description: planned.description,
            steps: planned.steps,
          }}
          planHref={planHref} />
      </div>
    </>
  );
}
