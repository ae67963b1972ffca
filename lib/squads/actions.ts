"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signInAfterCreation } from "@/lib/accounts/sign-in";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import {
  acceptInvitationAsNewUser,
  acceptInvitationAsViewer,
  createInvitation,
  removeMember,
  revokeInvitation,
  undoRemoveMember,
} from "@/lib/squads/mutations";

async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export async function createInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const input = formObject(formData);
    const { token, expiresAt } = await createInvitation(viewer, input);
    revalidatePath(`/coach/squads/${String(input.squadId)}`);
    return {
      status: "ok",
      message: "Invitation created. Copy the link now: it is shown only once.",
      data: { link: `${await origin()}/invite/${token}`, expiresAt: expiresAt.toISOString() },
    };
  });
}

export async function revokeInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await revokeInvitation(viewer, formObject(formData));
    revalidatePath("/coach", "layout");
    return { status: "ok", message: "Invitation revoked." };
  });
}

/** The confirmed removal: back to the squad page, which says what happened and offers the undo. */
export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const input = formObject(formData);
    await removeMember(viewer, input);
    revalidatePath("/coach", "layout");
    redirect(`/coach/squads/${encodeURIComponent(String(input.squadId))}?removed=${encodeURIComponent(String(input.userId))}`);
  });
}

export async function undoRemoveMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const input = formObject(formData);
    await undoRemoveMember(viewer, input);
    revalidatePath("/coach", "layout");
    redirect(`/coach/squads/${encodeURIComponent(String(input.squadId))}?restored=${encodeURIComponent(String(input.userId))}`);
  });
}

export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const input = formObject(formData);
    const { email } = await acceptInvitationAsNewUser(input);
    await signInAfterCreation(email, input.password, "/");
  });
}

export async function joinSquadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const token = String(formData.get("token") ?? "");
    const { role } = await acceptInvitationAsViewer(viewer, token);
    redirect(role === "ATHLETE" ? "/athlete" : "/coach");
  });
}
