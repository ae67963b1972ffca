import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import type { Metadata } from "next";
import { SignUpForm } from "./signup-form";
import { LanguageSwitch } from "@/lib/ui/language-switch";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signupTitle") };
}

export default async function SignUpPage() {
  if (await getViewer()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <div className="narrow">
      <LanguageSwitch returnTo="/signup" />
      <h1>{t("signupHeading")}</h1>
      <p className="muted">{t("signupIntro")}</p>
      <div className="card">
        <SignUpForm />
      </div>
      <p>{t.rich("haveAccount", { link: (chunks) => <Link href="/login">{chunks}</Link> })}</p>
    </div>
  );
}
