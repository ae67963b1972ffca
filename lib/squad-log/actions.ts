"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { getTranslations } from "next-intl/server";
import { saveSquadLogWeek } from "@/lib/squad-log/mutations";

/** Saves the squad log grid as a whole: every changed cell, or nothing when any cell needs a correction. */
export async function saveSquadLogAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const squadId = String(formData.get("squadId") ?? "");
    const result = await saveSquadLogWeek(viewer, squadId, formObject(formData));
    revalidatePath("/coach", "layout");
    const t = await getTranslations("squadLog");
    const parts = [
      result.created ? t("savedAdded", { count: result.created }) : null,
      result.updated ? t("savedChanged", { count: result.updated }) : null,
      result.deleted ? t("savedDeleted", { count: result.deleted }) : null,
    ].filter(Boolean);
    return { status: "ok", message: parts.length ? t("saved", { parts: parts.join(", ") }) : t("savedNothing") };
  });
}
