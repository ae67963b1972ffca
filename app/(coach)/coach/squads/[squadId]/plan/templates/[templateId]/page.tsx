import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getPlanTemplate } from "@/lib/plans/queries";
import { TemplateForm } from "../template-forms";

export const metadata: Metadata = { title: "Edit plan template" };

export default async function EditPlanTemplatePage({ params }: { params: Promise<{ squadId: string; templateId: string }> }) {
  const { squadId, templateId } = await params;
  const viewer = await requireViewer();
  const template = await getPlanTemplate(viewer, squadId, templateId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/plan/templates`}>← Plan templates of {template.squadName}</Link>
      </p>
      <h1>Edit template {template.name}</h1>
      <p className="muted">
        Sessions already planned from this template stay as they are in each athlete&apos;s plan. Applying the template
        again adds only the sessions an athlete does not have yet.
      </p>
      <section className="card" aria-label="Template">
        <TemplateForm squadId={squadId} unit={viewer.unitPreference} template={{ id: template.id, name: template.name, sessions: template.sessions }} />
      </section>
    </>
  );
}
