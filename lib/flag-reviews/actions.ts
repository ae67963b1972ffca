"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { reviewFlag } from "@/lib/flag-reviews/mutations";

export async function reviewFlagAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const input = formObject(formData);
    await reviewFlag(viewer, input);
    revalidatePath("/coach", "layout");
    return { status: "ok", message: input.status === "RESOLVED" ? "Marked as resolved." : "Acknowledged." };
  });
}
