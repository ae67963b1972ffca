"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { gridSaveMessage, saveSquadLogWeek } from "@/lib/squad-log/mutations";

/** Saves the squad log grid as a whole: every changed cell, or nothing when any cell needs a correction. */
export async function saveSquadLogAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const squadId = String(formData.get("squadId") ?? "");
    const result = await saveSquadLogWeek(viewer, squadId, formObject(formData));
    revalidatePath("/coach", "layout");
    return { status: "ok", message: gridSaveMessage(result) };
  });
}
