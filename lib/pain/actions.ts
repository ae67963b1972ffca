"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { isAthlete } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { formObject, runForm } from "@/lib/forms";
import { createPainReport, createPainReportForAthlete } from "@/lib/pain/mutations";
import type { PainFormState, PainTriage } from "@/lib/pain/triage";
import { triageInLanguage } from "@/lib/pain/triage-words";
import { currentLocale } from "@/lib/i18n/server";

export async function createPainReportAction(_prev: PainFormState, formData: FormData): Promise<PainFormState> {
  let triage: PainTriage | undefined;
  const state = await runForm(formData, async () => {
    const viewer = await requireViewer();
    if (!isAthlete(viewer)) throw new NotFoundError("Page not found");
    const saved = await createPainReport(viewer, formObject(formData));
    triage = saved.triage;
    revalidatePath("/athlete", "layout");
    return { status: "ok", message: "Report sent to your coach.", data: { reportId: saved.id } };
  });
  return state.status === "ok" && triage ? { ...state, triage: triageInLanguage(triage, await currentLocale()) } : state;
}

/** A coach or clinician reports back pain for an athlete of their squad (squadId and athleteId come with the form). */
export async function createPainReportForAthleteAction(_prev: PainFormState, formData: FormData): Promise<PainFormState> {
  let triage: PainTriage | undefined;
  const state = await runForm(formData, async () => {
    const viewer = await requireViewer();
    const squadId = String(formData.get("squadId") ?? "");
    const athleteId = String(formData.get("athleteId") ?? "");
    const saved = await createPainReportForAthlete(viewer, squadId, athleteId, formObject(formData));
    triage = saved.triage;
    revalidatePath(`/coach/squads/${squadId}`, "layout");
    revalidatePath("/coach");
    return { status: "ok", message: "Report saved. The athlete and the squad's staff see it.", data: { reportId: saved.id } };
  });
  return state.status === "ok" && triage ? { ...state, triage: triageInLanguage(triage, await currentLocale()) } : state;
}
