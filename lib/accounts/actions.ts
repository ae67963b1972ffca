"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { signIn, signOut } from "@/lib/auth";
import { getViewer, requireViewer } from "@/lib/auth/viewer";
import { formObject, parseWith, runForm, type FormState } from "@/lib/forms";
import { loginSchema, signUpSchema } from "@/lib/accounts/schemas";
import { changePassword, createCoachAccount, createSquad, updatePreferences } from "@/lib/accounts/mutations";
import { safeCallbackUrl } from "@/lib/accounts/callback-url";
import { signInAfterCreation } from "@/lib/accounts/sign-in";
import { deleteOwnAccount } from "@/lib/account-data/delete";
import { isCoach } from "@/lib/auth/permissions";
import { tooManyAttemptsMessage } from "@/lib/auth/password-attempts";
import { requestClient } from "@/lib/auth/request-ip";
import { closeAllSessions, closeSession } from "@/lib/auth/sessions";
import { throttleSignUp } from "@/lib/accounts/signup-throttle";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { isLocale } from "@/lib/i18n/config";
import { LOCALE_COOKIE } from "@/lib/i18n/negotiate";

/** Turns an Auth.js sign-in failure into words a person can act on. */
function loginFailure(error: unknown): FormState | null {
  if (!(error instanceof AuthError)) return null;
  const code = (error as AuthError & { code?: string }).code ?? "";
  const limited = /^rate_limited_(\d+)$/.exec(code);
  if (limited) return { status: "error", message: tooManyAttemptsMessage(Number(limited[1])) };
  return { status: "error", message: "Wrong email or password." };
}

/** The pages whose language switch may send a visitor back (see lib/ui/language-switch.tsx). */
const LANGUAGE_SWITCH_PAGES = new Set(["/login", "/signup"]);

/**
 * A logged-out visitor's language, kept in a cookie for a year (read in lib/i18n/request.ts after a
 * signed-in person's own setting). An unknown language changes nothing.
 */
export async function chooseLanguageAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  const returnTo = formData.get("returnTo");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
  }
  redirect(typeof returnTo === "string" && LANGUAGE_SWITCH_PAGES.has(returnTo) ? returnTo : "/login");
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
    // Only complete forms count against the address's allowance.
    parseWith(signUpSchema, input);
    await throttleSignUp();
    await createCoachAccount(input);
    await signInAfterCreation(input.email, input.password, "/coach");
  });
}

export async function logoutAction(): Promise<void> {
  // The session's row goes first, so that the session ends even if clearing the cookie fails; Auth.js's
  // signOut event deletes it again for POST /api/auth/signout.
  const viewer = await getViewer();
  if (viewer?.sessionId) await closeSession(db(), viewer.sessionId);
  await signOut({ redirectTo: "/login?loggedOut=1" });
}

/** Ends every session of the account, this one included ("Log out everywhere" in settings). */
export async function logoutEverywhereAction(): Promise<void> {
  const viewer = await requireViewer();
  const ended = await closeAllSessions(db(), viewer.id);
  await recordAudit({ actorId: viewer.id, subjectUserId: viewer.id, action: "auth.logout-everywhere", meta: { sessions: ended } });
  await signOut({ redirectTo: "/login?loggedOutEverywhere=1" });
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await changePassword(viewer, formObject(formData), await requestClient(viewer.email));
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
    await deleteOwnAccount(viewer, formObject(formData), await requestClient(viewer.email));
    await signOut({ redirectTo: "/login?accountDeleted=1" });
  });
}
