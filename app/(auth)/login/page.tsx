import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import type { Metadata } from "next";
import { LoginForm } from "./login-form";
import { safeCallbackUrl } from "@/lib/accounts/callback-url";
import { LanguageSwitch } from "@/lib/ui/language-switch";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("loginTitle") };
}

const NOTICES = ["loggedOut", "loggedOutEverywhere", "created", "accountDeleted", "passwordChanged"] as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <div className="narrow">
      <LanguageSwitch returnTo="/login" />
      <h1>{t("loginTitle")}</h1>
      {NOTICES.filter((notice) => params[notice]).map((notice) => (
        <p key={notice} className="notice notice-ok">
          {t(notice)}
        </p>
      ))}
      <div className="card">
        <LoginForm callbackUrl={callbackUrl} />
      </div>
      <p>{t.rich("newCoach", { link: (chunks) => <Link href="/signup">{chunks}</Link> })}</p>
    </div>
  );
}
