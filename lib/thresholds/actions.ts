"use server";

import { revalidatePath } from "next/cache";
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
    return {
      status: "ok",
      message: count === 0 ? "Saved: the squad uses the defaults." : `Saved: ${count} threshold${count === 1 ? " differs" : "s differ"} from the defaults.`,
    };
  });
}

export async function updateAthleteThresholdsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const input = formObject(formData);
    const { saved } = await updateAthleteThresholds(viewer, input);
    revalidatePath("/coach", "layout");
    const count = Object.keys(saved).length;
    return {
      status: "ok",
      message:
        count === 0
          ? "Saved: this athlete uses the squad's thresholds."
          : `Saved: ${count} threshold${count === 1 ? " differs" : "s differ"} from the squad's.`,
    };
  });
}
