"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { formObject, runForm, type FormState } from "@/lib/forms";
import {
  addSuggestedSession,
  applyPlanTemplate,
  applySuggestedCaps,
  copyWeekToNextWeek,
  createPlannedSession,
  createPlanTemplate,
  deletePlannedSession,
  deletePlanTemplate,
  movePlannedSession,
  saveWeekAsTemplate,
  undoCopyWeek,
  updatePlannedSession,
  updatePlanTemplate,
} from "@/lib/plans/mutations";
import { nestRows } from "@/lib/plans/schemas";

const ids = (formData: FormData) => ({
  squadId: String(formData.get("squadId") ?? "").slice(0, 64),
  athleteId: String(formData.get("athleteId") ?? "").slice(0, 64),
});

export async function createPlannedSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId, athleteId } = ids(formData);
    const { id, held } = await createPlannedSession(viewer, squadId, athleteId, { ...formObject(formData), unit: viewer.unitPreference });
    revalidatePath("/coach", "layout");
    const t = await getTranslations("plan");
    return { status: "ok", message: held ? t("addedHeld") : t("added"), data: { savedId: id } };
  });
}

export async function addSuggestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId, athleteId } = ids(formData);
    await addSuggestedSession(viewer, squadId, athleteId, String(formData.get("suggestionId") ?? ""));
    revalidatePath("/coach", "layout");
    return { status: "ok", message: (await getTranslations("plan"))("suggestionAdded") };
  });
}

export async function movePlannedSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { moved } = await movePlannedSession(viewer, formObject(formData));
    const t = await getTranslations("plan");
    if (!moved) return { status: "ok", message: t("dragSameDay") };
    revalidatePath("/coach", "layout");
    return { status: "ok", message: t("moved") };
  });
}

export async function copyWeekAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId, athleteId } = ids(formData);
    const { copiedIds, alreadyThere } = await copyWeekToNextWeek(viewer, squadId, athleteId, formObject(formData));
    revalidatePath("/coach", "layout");
    const n = copiedIds.length;
    const t = await getTranslations("plan");
    return {
      status: "ok",
      message: t("copied", { count: n }) + (alreadyThere ? ` ${t("copiedAlongside", { count: alreadyThere })}` : ""),
      data: { copiedIds: copiedIds.join(","), copied: String(n) },
    };
  });
}

export async function undoCopyWeekAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId, athleteId } = ids(formData);
    const { removed } = await undoCopyWeek(viewer, squadId, athleteId, formObject(formData));
    revalidatePath("/coach", "layout");
    return { status: "ok", message: (await getTranslations("plan"))("copyUndone", { count: removed }), data: { undone: String(formData.get("plannedIds") ?? "") } };
  });
}

export async function deletePlannedSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await deletePlannedSession(viewer, String(formData.get("plannedId") ?? ""));
    revalidatePath("/coach", "layout");
    return { status: "ok", message: (await getTranslations("plan"))("removed") };
  });
}

export async function updatePlannedSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { date } = await updatePlannedSession(viewer, { ...formObject(formData), unit: viewer.unitPreference });
    revalidatePath("/coach", "layout");
    return { status: "ok", message: (await getTranslations("plan"))("changesSaved"), data: { date } };
  });
}

/** The template form creates or edits: the rows are read the same way, distances in the coach's unit. */
async function saveTemplate(viewer: Viewer, formData: FormData, write: typeof createPlanTemplate | typeof updatePlanTemplate): Promise<FormState> {
  const { squadId } = ids(formData);
  const { sessionCount } = await write(viewer, squadId, { ...nestRows(formObject(formData), "sessions"), unit: viewer.unitPreference });
  revalidatePath("/coach", "layout");
  return { status: "ok", message: (await getTranslations("plan"))("templateSaved", { count: sessionCount }) };
}

export async function createPlanTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => saveTemplate(await requireViewer(), formData, createPlanTemplate));
}

export async function updatePlanTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => saveTemplate(await requireViewer(), formData, updatePlanTemplate));
}

export async function saveWeekAsTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId, athleteId } = ids(formData);
    const { sessionCount } = await saveWeekAsTemplate(viewer, squadId, athleteId, formObject(formData));
    revalidatePath("/coach", "layout");
    return { status: "ok", message: (await getTranslations("plan"))("weekSavedAsTemplate", { count: sessionCount }) };
  });
}

export async function deletePlanTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId } = ids(formData);
    await deletePlanTemplate(viewer, squadId, formObject(formData));
    revalidatePath("/coach", "layout");
    return { status: "ok", message: (await getTranslations("plan"))("templateDeleted") };
  });
}

export async function applyPlanTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId } = ids(formData);
    const result = await applyPlanTemplate(viewer, squadId, formObject(formData, ["athleteIds"]));
    revalidatePath("/coach", "layout");
    const t = await getTranslations("plan");
    const athletes = t("athleteCount", { count: result.athleteCount });
    const already = result.sessionsAlreadyPlanned;
    if (result.sessionsAdded === 0) {
      return { status: "ok", message: t("templateNothingAdded", { name: result.templateName, athletes }) };
    }
    return {
      status: "ok",
      message:
        t("templateApplied", { count: result.sessionsAdded, name: result.templateName, athletes }) +
        (already ? ` ${t("templateAlreadyPlanned", { count: already })}` : ""),
    };
  });
  // A refused form keeps every ticked athlete, not only the last one the generic echo holds.
  if (state.status === "error") {
    state.values = { ...state.values, athleteIds: formData.getAll("athleteIds").map(String).join(",") };
  }
  return state;
}

export async function applySuggestedCapsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId, athleteId } = ids(formData);
    const { trimmed } = await applySuggestedCaps(viewer, squadId, athleteId, String(formData.get("suggestionId") ?? "").slice(0, 200));
    revalidatePath("/coach", "layout");
    const t = await getTranslations("plan");
    if (trimmed.length === 0) return { status: "ok", message: t("nothingToTrim") };
    return { status: "ok", message: t("trimmed", { count: trimmed.length }) };
  });
}
