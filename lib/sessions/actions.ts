"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { confirmSessionFigures, createSessionForAthlete, createSession, createShoe, deleteSession, setShoeRetired, updateSession } from "@/lib/sessions/mutations";
import { applyBulkChange, previewBulkChange } from "@/lib/sessions/bulk";
import { currentLocale } from "@/lib/i18n/server";

export async function createSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { id } = await createSession(viewer, { ...formObject(formData), unit: viewer.unitPreference });
    revalidatePath("/athlete", "layout");
    return { status: "ok", message: "Session saved.", data: { savedId: id } };
  });
}

/** A coach logs a session for an athlete of their squad (squadId and athleteId come with the form). */
export async function createSessionForAthleteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const squadId = String(formData.get("squadId") ?? "");
    const athleteId = String(formData.get("athleteId") ?? "");
    const { id } = await createSessionForAthlete(viewer, squadId, athleteId, { ...formObject(formData), unit: viewer.unitPreference });
    revalidatePath(`/coach/squads/${squadId}`, "layout");
    return { status: "ok", message: "Session saved. The athlete sees it with your name.", data: { savedId: id } };
  });
}

export async function updateSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const id = String(formData.get("sessionId") ?? "");
    await updateSession(viewer, id, { ...formObject(formData), unit: viewer.unitPreference });
    revalidatePath("/athlete", "layout");
    redirect("/athlete/sessions?saved=1");
  });
}

export async function confirmSessionFiguresAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const id = String(formData.get("sessionId") ?? "");
    await confirmSessionFigures(viewer, id);
    revalidatePath("/athlete", "layout");
    // The page no longer shows the notice and its button: it says so itself.
    redirect(`/athlete/sessions/${encodeURIComponent(id)}?confirmed=1`);
  });
}

export async function deleteSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await deleteSession(viewer, String(formData.get("sessionId") ?? ""));
    revalidatePath("/athlete", "layout");
    redirect("/athlete/sessions?deleted=1");
  });
}

export async function createShoeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await createShoe(viewer, { ...formObject(formData), unit: viewer.unitPreference });
    revalidatePath("/athlete", "layout");
    return { status: "ok", message: "Shoe added." };
  });
}

export async function setShoeRetiredAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const retired = formData.get("retired") === "true";
    await setShoeRetired(viewer, String(formData.get("shoeId") ?? ""), retired);
    revalidatePath("/athlete", "layout");
    // The shoes page says which change was made (and offers "Undo" after retiring) in the reader's words.
    return { status: "ok", data: { retired: String(retired) } };
  });
}

/**
 * A change to the sessions ticked on the history page, in two steps: without `confirmed` it only says
 * what would change (the page asks before anything happens, with or without JavaScript); with it, the
 * change is made.
 */
export async function bulkSessionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const input = formObject(formData, ["ids"]);
    if (formData.get("confirmed") !== "yes") {
      const { question, confirmLabel, change } = await previewBulkChange(viewer, input, await currentLocale());
      const data: Record<string, string> = { question, confirmLabel, op: change.op, ids: change.ids.join(",") };
      if (change.op === "rpe") data.rpe = String(change.rpe);
      if (change.op === "shoe") data.shoeId = change.shoeId ?? "none";
      if (change.op === "surface") data.surface = change.surface ?? "none";
      return { status: "idle", data };
    }
    const { message } = await applyBulkChange(viewer, input, await currentLocale());
    revalidatePath("/athlete", "layout");
    return { status: "ok", message };
  });
}
