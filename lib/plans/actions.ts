"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { formObject, runForm, type FormState } from "@/lib/forms";
import {
  addSuggestedSession,
  applyPlanTemplate,
  applySuggestedCaps,
  createPlannedSession,
  createPlanTemplate,
  deletePlannedSession,
  deletePlanTemplate,
  movePlannedSession,
  saveWeekAsTemplate,
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
    return {
      status: "ok",
      message: held
        ? "Added to the plan, on hold: the plan is held after a red-flag report until a clearance is recorded and the plan released."
        : "Added to the plan.",
      data: { savedId: id },
    };
  });
}

export async function addSuggestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId, athleteId } = ids(formData);
    await addSuggestedSession(viewer, squadId, athleteId, String(formData.get("suggestionId") ?? ""));
    revalidatePath("/coach", "layout");
    return { status: "ok", message: "Suggestion added to the plan." };
  });
}

export async function movePlannedSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await movePlannedSession(viewer, formObject(formData));
    revalidatePath("/coach", "layout");
    return { status: "ok", message: "Moved." };
  });
}

export async function deletePlannedSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await deletePlannedSession(viewer, String(formData.get("plannedId") ?? ""));
    revalidatePath("/coach", "layout");
    return { status: "ok", message: "Removed from the plan." };
  });
}

export async function updatePlannedSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { date } = await updatePlannedSession(viewer, { ...formObject(formData), unit: viewer.unitPreference });
    revalidatePath("/coach", "layout");
    return { status: "ok", message: "Changes saved.", data: { date } };
  });
}

/** The template form creates or edits: the rows are read the same way, distances in the coach's unit. */
async function saveTemplate(viewer: Viewer, formData: FormData, write: typeof createPlanTemplate | typeof updatePlanTemplate): Promise<FormState> {
  const { squadId } = ids(formData);
  const { sessionCount } = await write(viewer, squadId, { ...nestRows(formObject(formData), "sessions"), unit: viewer.unitPreference });
  revalidatePath("/coach", "layout");
  return { status: "ok", message: `Template saved with ${sessionCount} session${sessionCount === 1 ? "" : "s"}.` };
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
    return { status: "ok", message: `Saved this week as a template with ${sessionCount} session${sessionCount === 1 ? "" : "s"}.` };
  });
}

export async function deletePlanTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId } = ids(formData);
    await deletePlanTemplate(viewer, squadId, formObject(formData));
    revalidatePath("/coach", "layout");
    return { status: "ok", message: "Template deleted." };
  });
}

export async function applyPlanTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId } = ids(formData);
    const result = await applyPlanTemplate(viewer, squadId, formObject(formData, ["athleteIds"]));
    revalidatePath("/coach", "layout");
    const athletes = `${result.athleteCount} athlete${result.athleteCount === 1 ? "" : "s"}`;
    const sessions = (n: number) => `${n} planned session${n === 1 ? "" : "s"}`;
    const already = result.sessionsAlreadyPlanned;
    if (result.sessionsAdded === 0) {
      return { status: "ok", message: `Nothing added: every session of "${result.templateName}" is already planned for ${athletes}.` };
    }
    return {
      status: "ok",
      message:
        `Added ${sessions(result.sessionsAdded)} from "${result.templateName}" for ${athletes}.` +
        (already ? ` ${already} ${already === 1 ? "was" : "were"} already planned and left as ${already === 1 ? "it was" : "they were"}.` : ""),
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
    if (trimmed.length === 0) return { status: "ok", message: "Nothing to trim: every run planned for the next 7 days is within the cap." };
    const runs = `${trimmed.length} planned run${trimmed.length === 1 ? "" : "s"}`;
    return { status: "ok", message: `Trimmed ${runs} to the cap.` };
  });
}
