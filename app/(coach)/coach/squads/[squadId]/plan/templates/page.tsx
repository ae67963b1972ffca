import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { listPlanTemplates, listSquadAthletesForPlanning } from "@/lib/plans/queries";
import { templateDayLabel, templateWeeks } from "@/lib/plans/templates";
import { addDays, mondayOf, todayIn } from "@/lib/dates";
import { sessionSummary } from "@/lib/ui/plan-calendar";
import { ApplyTemplateForm, DeleteTemplateButton, TemplateForm } from "./template-forms";

export const metadata: Metadata = { title: "Plan templates" };

export default async function PlanTemplatesPage({ params }: { params: Promise<{ squadId: string }> }) {
  const { squadId } = await params;
  const viewer = await requireViewer();
  const [{ squad, athletes }, templates] = await Promise.all([
    listSquadAthletesForPlanning(viewer, squadId),
    listPlanTemplates(viewer, squadId),
  ]).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const unit = viewer.unitPreference;
  const nextMonday = addDays(mondayOf(todayIn(viewer.timeZone)), 7);
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/plan`}>← Squad plan of {squad.name}</Link>
      </p>
      <h1>Plan templates</h1>
      <p>
        A template is up to four weeks of sessions, by day from a Monday. Apply it to several athletes at once: each gets the
        sessions in their plan, marked as coming from the template, and you can still edit them one by one.
      </p>

      <section aria-labelledby="apply-heading" className="card">
        <h2 id="apply-heading" style={{ marginTop: 0 }}>
          Apply a template
        </h2>
        {templates.length === 0 ? (
          <p className="muted">Create a template first.</p>
        ) : athletes.length === 0 ? (
          <p className="muted">No athletes in this squad yet.</p>
        ) : (
          <ApplyTemplateForm
            squadId={squadId}
            templates={templates.map((t) => ({ id: t.id, name: t.name }))}
            athletes={athletes}
            defaultStart={nextMonday}
          />
        )}
      </section>

      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">Templates of {squad.name}</h2>
        {templates.length === 0 ? (
          <p className="muted">No templates yet.</p>
        ) : (
          <ul className="template-list">
            {templates.map((t) => (
              <li key={t.id} className="card">
                <h3 style={{ marginTop: 0 }}>{t.name}</h3>
                <p className="muted">
                  {t.sessions.length} session{t.sessions.length === 1 ? "" : "s"} over {templateWeeks(t.sessions)} week
                  {templateWeeks(t.sessions) === 1 ? "" : "s"}
                </p>
                <ul>
                  {t.sessions.map((s, i) => (
                    <li key={i}>
                      {templateDayLabel(s.dayOffset)}:{" "}
                      {s.title ? (
                        <>
                          <strong>{s.title}</strong>{" "}
                        </>
                      ) : null}
                      {sessionSummary(s, unit)}
                      {s.targetRpe != null ? ` · RPE ${s.targetRpe}` : ""}
                    </li>
                  ))}
                </ul>
                <div className="row">
                  <Link className="button button-secondary" href={`/coach/squads/${squadId}/plan/templates/${t.id}`}>
                    Edit<span className="visually-hidden"> template {t.name}</span>
                  </Link>
                  <DeleteTemplateButton squadId={squadId} templateId={t.id} name={t.name} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="create-heading" className="card">
        <h2 id="create-heading" style={{ marginTop: 0 }}>
          Create a template
        </h2>
        <p className="muted">
          Or open an athlete&apos;s plan and save a week of it as a template.
        </p>
        <TemplateForm squadId={squadId} unit={unit} />
      </section>
    </>
  );
}
