"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { updateOwnProfile } from "@/lib/profiles/mutations";

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await updateOwnProfile(viewer, formObject(formData, ["postureLoad", "curvatureFindings"]));
    revalidatePath("/athlete", "layout");
    return { status: "ok", message: "Profile saved." };
  });
}
