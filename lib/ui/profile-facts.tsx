import { getTranslations } from "next-intl/server";
import type { AthleteProfileView } from "@/lib/profiles/queries";
import { ageOn, formatDate, todayIn } from "@/lib/dates";
import { currentIntlLocale } from "@/lib/i18n/server";

type Translate = Awaited<ReturnType<typeof getTranslations<"athletePage">>>;

// A stored option in words; an option this page does not know (never expected) reads as "other".
function option(t: Translate, group: "sex" | "footprint" | "posture" | "curvature", value: string): string {
  const key = `profile.${group}.${value}`;
  return t.has(key as "profile.sex.OTHER") ? t(key as "profile.sex.OTHER") : t("profile.sex.OTHER");
}

export async function ProfileFacts({ profile }: { profile: AthleteProfileView }) {
  const [t, intl] = await Promise.all([getTranslations("athletePage"), currentIntlLocale()]);
  const today = todayIn(profile.timeZone);
  const none = <span className="muted">{t("profile.notRecorded")}</span>;
  const n = (x: number) => new Intl.NumberFormat(intl, { maximumFractionDigits: 1 }).format(x);
  return (
    <dl className="facts">
      <dt>{t("profile.birthDate")}</dt>
      <dd>{profile.birthDate ? t("profile.birthDateValue", { date: formatDate(profile.birthDate, intl), age: ageOn(profile.birthDate, today) }) : none}</dd>
      <dt>{t("profile.sexLabel")}</dt>
      <dd>{option(t, "sex", profile.sex)}</dd>
      <dt>{t("profile.height")}</dt>
      <dd>{profile.heightCm != null ? `${n(profile.heightCm)} cm` : none}</dd>
      <dt>{t("profile.weight")}</dt>
      <dd>{profile.weightKg != null ? `${n(profile.weightKg)} kg` : none}</dd>
      <dt>{t("profile.footprintLabel")}</dt>
      <dd>{option(t, "footprint", profile.footprintType)}</dd>
      <dt>{t("profile.legLength")}</dt>
      <dd>{profile.legLengthDiscrepancyMm != null ? `${n(profile.legLengthDiscrepancyMm)} mm` : none}</dd>
      <dt>{t("profile.postureLabel")}</dt>
      <dd>{profile.postureLoad.length ? profile.postureLoad.map((p) => option(t, "posture", p)).join(", ") : none}</dd>
      <dt>{t("profile.curvatureLabel")}</dt>
      <dd>{profile.curvatureFindings.length ? profile.curvatureFindings.map((c) => option(t, "curvature", c)).join(", ") : none}</dd>
      <dt>{t("profile.injuryHistory")}</dt>
      <dd style={{ whiteSpace: "pre-wrap" }}>{profile.injuryHistory ?? none}</dd>
      <dt>{t("profile.units")}</dt>
      <dd>{profile.unitPreference === "MI" ? t("profile.miles") : t("profile.kilometres")}</dd>
      <dt>{t("profile.timeZone")}</dt>
      <dd>{profile.timeZone.replace(/_/g, " ")}</dd>
    </dl>
  );
}
