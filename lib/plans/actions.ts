"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { addSuggestedSession, createPlannedSession, deletePlannedSession, movePlannedSession } from "@/lib/plans/mutations";

const ids = (formData: FormData) => ({
  squadId: String(formData.get("squadId") ?? "").slice(0, 64),
  athleteId: String(formData.get("athleteId") ?? "").slice(0, 64),
});

export async function createPlannedSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { squadId, athleteId } = ids(formData);
    const { id } = await createPlannedSession(viewer, squadId, athleteId, { ...formObject(formData), unit: viewer.unitPreference });
    revalidatePath("/coach", "layout");
    return { status: "ok", message: "Added to the plan.", data: { savedId: id } };
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
