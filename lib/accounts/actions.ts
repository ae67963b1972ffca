"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { signIn, signOut } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, parseWith, runForm, type FormState } from "@/lib/forms";
import { loginSchema } from "@/lib/accounts/schemas";
import { changePassword, createCoachAccount, createSquad, updatePreferences } from "@/lib/accounts/mutations";
import { safeCallbackUrl } from "@/lib/accounts/callback-url";
import { signInAfterCreation } from "@/lib/accounts/sign-in";
import { deleteOwnAccount } from "@/lib/account-data/delete";
import { isCoach } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";

/** Turns an Auth.js sign-in failure into words a person can act on. */
function loginFailure(error: unknown): FormState | null {
  if (!(error instanceof AuthError)) return null;
  const code = (error as AuthError & { code?: string }).code ?? "";
  const limited = /^rate_limited_(\d+)$/.exec(code);
  if (limited) {
    return {
      status: "error",
      message: `Too many failed attempts. For your safety, logging in is paused for ${limited[1]} minute${limited[1] === "1" ? "" : "s"}.`,
    };
  }
  return { status: "error", message: "Wrong email or password." };
}

export async function loginAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const data = parseWith(loginSchema, formObject(formData));
    try {
      await signIn("credentials", {
        email: data.email,
        password: data.password,
        redirectTo: safeCallbackUrl(formData.get("callbackUrl")),
      });
    } catch (error) {
      const failure = loginFailure(error);
      if (failure) return { ...failure, values: { email: data.email } };
      throw error;
    }
  });
}

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const input = formObject(formData);
    await createCoachAccount(input);
    await signInAfterCreation(input.email, input.password, "/coach");
  });
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: "/login?loggedOut=1" });
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await changePassword(viewer, formObject(formData));
    // Every session, this one included, predates the new password: sign in again.
    await signOut({ redirectTo: "/login?passwordChanged=1" });
  });
}

export async function updatePreferencesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await updatePreferences(viewer, formObject(formData));
    revalidatePath("/", "layout");
    return { status: "ok", message: "Preferences saved." };
  });
}

export async function createSquadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    if (!isCoach(viewer)) throw new NotFoundError();
    const { squadId } = await createSquad(viewer, formObject(formData));
    redirect(`/coach/squads/${squadId}`);
  });
}

export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await deleteOwnAccount(viewer, formObject(formData));
    await signOut({ redirectTo: "/login?accountDeleted=1" });
  });
}
