import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getOwnWellnessToday } from "@/lib/wellness/queries";
import { formatDate } from "@/lib/dates";
import { hooperText } from "@/lib/wellness/labels";
import { currentIntlLocale } from "@/lib/i18n/server";
import { WellnessForm, type WellnessAnswers } from "./wellness-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wellness");
  return { title: t("title") };
}

export default async function WellnessPage() {
  const viewer = await requireViewer();
  const [today, t] = await Promise.all([getOwnWellnessToday(viewer), getTranslations("wellness")]);
  if (!today.enabled) {
    return (
      <div className="check-in-page">
        <h1>{t("title")}</h1>
        <p className="notice">{t("off")}</p>
        <p>
          <Link href="/athlete">{t("backHome")}</Link>
        </p>
      </div>
    );
  }
  const e = today.entry;
  const initial: WellnessAnswers = {
    sleep: e ? String(e.sleep) : null,
    fatigue: e ? String(e.fatigue) : null,
    soreness: e ? String(e.soreness) : null,
    stress: e ? String(e.stress) : null,
    mood: e ? String(e.mood) : null,
    backStiffness: e ? String(e.backStiffness) : null,
  };
  return (
    <div className="check-in-page">
      <h1>{t("title")}</h1>
      <p>
        {formatDate(today.date, await currentIntlLocale())}. <span className="muted">{t("intro")}</span>
      </p>
      {e ? (
        <p className="notice">{t("answered", { hooper: hooperText(e.hooper), stiffness: e.backStiffness })}</p>
      ) : null}
      <section className="card" aria-label={t("todayLabel")}>
        <WellnessForm initial={initial} answeredToday={e !== null} />
      </section>
    </div>
  );
}
