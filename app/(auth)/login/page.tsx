import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import type { Metadata } from "next";
import { LoginForm } from "./login-form";
import { safeCallbackUrl } from "@/lib/accounts/callback-url";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className="narrow">
      <h1>Log in</h1>
      {params.loggedOut ? <p className="notice notice-ok">You are logged out.</p> : null}
      {params.loggedOutEverywhere ? <p className="notice notice-ok">You are logged out on every device.</p> : null}
      {params.created ? <p className="notice notice-ok">Your account is ready. Log in to continue.</p> : null}
      {params.accountDeleted ? <p className="notice notice-ok">Your account and data were deleted.</p> : null}
      {params.passwordChanged ? (
        <p className="notice notice-ok">Password changed. Log in with your new password.</p>
      ) : null}
      <div className="card">
        <LoginForm callbackUrl={callbackUrl} />
      </div>
      <p>
        New coach? <Link href="/signup">Create an account</Link>. Athletes join through their coach&apos;s invitation link.
      </p>
    </div>
  );
}
