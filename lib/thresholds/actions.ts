"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { updateAthleteThresholds, updateSquadThresholds } from "@/lib/thresholds/mutations";

export async function updateSquadThresholdsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const input = formObject(formData);
    const { saved } = await updateSquadThresholds(viewer, input);
    revalidatePath("/coach", "layout");
    const count = Object.keys(saved).length;
    const t = await getTranslations("thresholds");
    return { status: "ok", message: count === 0 ? t("savedSquadDefaults") : t("savedSquadOverrides", { count }) };
  });
}

export async function updateAthleteThresholdsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const input = formObject(formData);
    const { saved } = await updateAthleteThresholds(viewer, input);
    revalidatePath("/coach", "layout");
    const count = Object.keys(saved).length;
    const t = await getTranslations("thresholds");
    return { status: "ok", message: count === 0 ? t("savedAthleteSquad") : t("savedAthleteOverrides", { count }) };
  });
}
