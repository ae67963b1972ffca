"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { recordClearance, releaseHeldPlan } from "@/lib/safety/mutations";

export async function recordClearanceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { holdsCleared } = await recordClearance(viewer, formObject(formData));
    revalidatePath("/coach", "layout");
    revalidatePath("/athlete", "layout");
    return {
      status: "ok",
      message:
        holdsCleared > 0
          ? "Clearance recorded. The referral has ended; the held sessions stay on hold until a coach releases the plan."
          : "Clearance recorded. The referral has ended.",
    };
  });
}

export async function releaseHeldPlanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { released } = await releaseHeldPlan(viewer, formObject(formData));
    revalidatePath("/coach", "layout");
    revalidatePath("/athlete", "layout");
    return {
      status: "ok",
      message:
        released === 0
          ? "The hold has ended; no planned session was still on hold."
          : `${released} planned session${released === 1 ? " is" : "s are"} back in the plan. Follow the return-to-run steps before the full plan.`,
    };
  });
}
