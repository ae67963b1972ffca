"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { isAthlete } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { submitOstrcCheckIn } from "@/lib/ostrc/mutations";

export async function submitOstrcCheckInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    if (!isAthlete(viewer)) throw new NotFoundError("Page not found");
    await submitOstrcCheckIn(viewer, formObject(formData));
    revalidatePath("/athlete", "layout");
    return { status: "ok", message: "Check-in saved. Your coach can see it now." };
  });
}
