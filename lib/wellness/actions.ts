"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { setSquadWellnessCheckIn, submitWellness } from "@/lib/wellness/mutations";
import { hooperText } from "@/lib/wellness/labels";

export async function submitWellnessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { hooper, replaced } = await submitWellness(viewer, formObject(formData));
    revalidatePath("/athlete", "layout");
    return {
      status: "ok",
      message: replaced
        ? `Saved: ${hooperText(hooper)}. It replaces the answer you gave earlier today (one check-in a day).`
        : `Saved: ${hooperText(hooper)}. Thank you; your coach can see it now.`,
    };
  });
}

export async function setSquadWellnessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { enabled } = await setSquadWellnessCheckIn(viewer, formObject(formData));
    revalidatePath("/coach", "layout");
    return {
      status: "ok",
      message: enabled
        ? "The daily check-in is on: your athletes see “How are you today?” on their home page."
        : "The daily check-in is off. Answers already given are kept.",
    };
  });
}
