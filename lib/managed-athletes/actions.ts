"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer, requireViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { formObject, parseWith, runForm, type FormState } from "@/lib/forms";
import { signInAfterCreation } from "@/lib/accounts/sign-in";
import { throttleClaim } from "@/lib/accounts/signup-throttle";
import { claimProfileSchema, SIGNED_IN_CLAIM_MESSAGE } from "@/lib/managed-athletes/schemas";
import { claimProfile, createClaimInvitation, createManagedAthlete, deleteManagedAthlete } from "@/lib/managed-athletes/mutations";

async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export async function createManagedAthleteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const input = formObject(formData);
    const { athleteId, name } = await createManagedAthlete(viewer, input);
    revalidatePath(`/coach/squads/${String(input.squadId)}`);
    return {
      status: "ok",
      message: `${name} was added to the squad without a login.`,
      data: { athleteId, name },
    };
  });
}

export async function createClaimInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const input = formObject(formData);
    const { token, expiresAt } = await createClaimInvitation(viewer, input);
    revalidatePath(`/coach/squads/${String(input.squadId)}`, "layout");
    return {
      status: "ok",
      message: "Link created. Copy it now: it is shown only once, and any earlier link no longer works.",
      data: { link: `${await origin()}/claim/${token}`, expiresAt: expiresAt.toISOString() },
    };
  });
}

export async function deleteManagedAthleteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const input = formObject(formData);
    await deleteManagedAthlete(viewer, input);
    revalidatePath("/coach", "layout");
    redirect(`/coach/squads/${String(input.squadId)}`);
  });
}

/** Public: the person opening a claim link has no session yet; the link's token is the credential. */
export async function claimProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    // The profile becomes a new login; moving its history into an existing account is not something a link does.
    if (await getViewer()) throw new AppError(SIGNED_IN_CLAIM_MESSAGE, "conflict", 409);
    const input = formObject(formData);
    // Only complete forms count against the address's allowance.
    parseWith(claimProfileSchema, input);
    await throttleClaim();
    const { email } = await claimProfile(input);
    await signInAfterCreation(email, input.password, "/athlete");
  });
}
