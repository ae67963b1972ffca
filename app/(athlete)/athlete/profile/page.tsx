import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getAthleteProfile } from "@/lib/profiles/queries";
import { ProfileForm } from "./profile-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

export default async function ProfilePage() {
  const viewer = await requireViewer();
  const [profile, t] = await Promise.all([getAthleteProfile(viewer, viewer.id), getTranslations("profile")]);
  return (
    <div className="narrow">
      <h1>{t("heading")}</h1>
      <p className="muted">{t("intro")}</p>
      <div className="card">
        <ProfileForm profile={profile} />
      </div>
    </div>
  );
}
