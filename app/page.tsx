import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { isAthlete, isStaff } from "@/lib/auth/permissions";

export default async function HomePage() {
  const viewer = await getViewer();
  if (viewer) {
    if (isStaff(viewer)) redirect("/coach");
    if (isAthlete(viewer)) redirect("/athlete");
    redirect("/settings");
  }
  const t = await getTranslations("landing");
  return (
    <div className="narrow">
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <p>{t("safety")}</p>
      <div className="row">
        <Link className="button" href="/signup">
          {t("signUp")}
        </Link>
        <Link className="button button-secondary" href="/login">
          {t("logIn")}
        </Link>
      </div>
      <p className="muted">{t("athletesJoin")}</p>
    </div>
  );
}
