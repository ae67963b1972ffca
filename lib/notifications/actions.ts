"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { runForm, type FormState } from "@/lib/forms";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mutations";

/**
 * The inbox list's buttons: "open" (the alert's title) marks it read and goes to its page; "read" marks
 * it read and stays. The unread count in the header is in the root layout, hence the layout revalidation.
 */
export async function readNotificationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const openId = formData.get("open");
    const notificationId = typeof openId === "string" && openId ? openId : formData.get("read");
    const { link } = await markNotificationRead(viewer, { notificationId });
    revalidatePath("/", "layout");
    if (openId) redirect(link);
    return { status: "ok", message: "Marked as read." };
  });
}

export async function markAllNotificationsReadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { count } = await markAllNotificationsRead(viewer);
    revalidatePath("/", "layout");
    return { status: "ok", message: count === 1 ? "1 alert marked as read." : `${count} alerts marked as read.` };
  });
}
