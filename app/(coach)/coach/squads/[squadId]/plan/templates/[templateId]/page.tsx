import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getPlanTemplate } from "@/lib/plans/queries";
import { TemplateForm } from "../template-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("templateEditMeta") };
}

export default async function EditPlanTemplatePage({ params }: { params: Promise<{ squadId: string; templateId: string }> }) {
  const { squadId, templateId } = await params;
  const viewer = await requireViewer();
  const template = await getPlanTemplate(viewer, squadId, templateId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const t = await getTranslations("plan");
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/plan/templates`}>← {t("templatesOfBack", { squad: template.squadName })}</Link>
      </p>
      <h1>{t("templateEditHeading", { name: template.name })}</h1>
      <p className="muted">{t("templateEditHelp")}</p>
      <section className="card" aria-label={t("templateBadge")}>
        <TemplateForm squadId={squadId} unit={viewer.unitPreference} template={{ id: template.id, name: template.name, sessions: template.sessions }} />
      </section>
    </>
  );
}
