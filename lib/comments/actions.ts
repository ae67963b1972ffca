"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { createComment, replyToComment } from "@/lib/comments/mutations";

export async function createCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await createComment(viewer, formObject(formData));
    revalidatePath("/coach", "layout");
    revalidatePath("/athlete", "layout");
    return { status: "ok", message: "Comment sent. The athlete sees it on their home page." };
  });
}

export async function replyToCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await replyToComment(viewer, formObject(formData));
    revalidatePath("/coach", "layout");
    revalidatePath("/athlete", "layout");
    return { status: "ok", message: "Reply sent." };
  });
}
