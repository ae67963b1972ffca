"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { runForm, type FormState } from "@/lib/forms";
import { createFeedToken, revokeFeedTokens } from "@/lib/calendar/feeds";

export async function createFeedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const token = await createFeedToken(viewer);
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
    const proto = h.get("x-forwarded-proto") ?? "http";
    revalidatePath("/athlete/calendar");
    return {
      status: "ok",
      message: "Your feed address is ready. Copy it now: it is shown only once. Any earlier address stopped working.",
      data: { url: `${proto}://${host}/api/calendar/${token}.ics` },
    };
  });
}

export async function revokeFeedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await revokeFeedTokens(viewer);
    revalidatePath("/athlete/calendar");
    return { status: "ok", message: "The feed address no longer works." };
  });
}
