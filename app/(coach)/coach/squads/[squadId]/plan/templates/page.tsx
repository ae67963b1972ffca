import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { listPlanTemplates, listSquadAthletesForPlanning } from "@/lib/plans/queries";
import { templateDayLabel, templateWeeks } from "@/lib/plans/templates";
import { addDays, mondayOf, todayIn } from "@/lib/dates";
import { sessionSummary } from "@/lib/ui/plan-calendar";
import { currentIntlLocale, currentLocale } from "@/lib/i18n/server";
import { ApplyTemplateForm, DeleteTemplateButton, TemplateForm } from "./template-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("planTemplates") };
}

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
  const tr = await getTranslations("plan");
  const localeCode = await currentLocale();
  const locale = await currentIntlLocale();
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/plan`}>← {tr("templatesBack", { squad: squad.name })}</Link>
      </p>
      <h1>{tr("planTemplates")}</h1>
      <p>{tr("templatesIntro")}</p>

      <section aria-labelledby="apply-heading" className="card">
        <h2 id="apply-heading" style={{ marginTop: 0 }}>
          {tr("templatesApplyHeading")}
        </h2>
        {templates.length === 0 ? (
          <p className="muted">{tr("templatesCreateFirst")}</p>
        ) : athletes.length === 0 ? (
          <p className="muted">{tr("noAthletes")}</p>
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
        <h2 id="templates-heading">{tr("templatesOf", { squad: squad.name })}</h2>
        {templates.length === 0 ? (
          <p className="muted">{tr("templatesNone")}</p>
        ) : (
          <ul className="template-list">
            {templates.map((t) => (
              <li key={t.id} className="card">
                <h3 style={{ marginTop: 0 }}>{t.name}</h3>
                <p className="muted">
                  {tr("templatesSize", { count: t.sessions.length, weeks: templateWeeks(t.sessions) })}
                </p>
                <ul>
                  {t.sessions.map((s, i) => (
                    <li key={i}>
                      {templateDayLabel(s.dayOffset, tr, locale)}:{" "}
                      {s.title ? (
                        <>
                          <strong>{s.title}</strong>{" "}
                        </>
                      ) : null}
                      {sessionSummary(s, unit, localeCode)}
                      {s.targetRpe != null ? ` · RPE ${s.targetRpe}` : ""}
                    </li>
                  ))}
                </ul>
                <div className="row">
                  <Link className="button button-secondary" href={`/coach/squads/${squadId}/plan/templates/${t.id}`}>
                    {tr("edit")}
                    <span className="visually-hidden"> {tr("templateWhat", { name: t.name })}</span>
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
          {tr("templatesCreateHeading")}
        </h2>
        <p className="muted">{tr("templatesCreateHelp")}</p>
        <TemplateForm squadId={squadId} unit={unit} />
      </section>
    </>
  );
}
