import type { Flag } from "@/lib/training-load";
import { formatDate } from "@/lib/dates";
import { flagBadge } from "@/lib/ui/severity";
import { engineText } from "@/lib/i18n/engine-text";
import { currentLocale } from "@/lib/i18n/server";
import { intlLocale } from "@/lib/i18n/config";
import type { Unit } from "@/lib/units";
import { getTranslations } from "next-intl/server";

export { SEVERITY_TEXT } from "@/lib/ui/severity";

/** Active flags in plain words, most severe first, each with its evidence. */
export async function FlagList({ flags, audience, unit }: { flags: Flag[]; audience: "athlete" | "coach"; unit: Unit }) {
  const locale = await currentLocale();
  const words = engineText(locale, unit);
  const t = await getTranslations("flags.panel");
  const home = await getTranslations("athleteHome");
  if (flags.length === 0) {
    return <p className="muted">{t("nothing")}</p>;
  }
  // A referral is never mixed with training advice: while one is open, the other flags (whose
  // explanations suggest load changes) wait until a clinician has seen the athlete.
  const referral = flags.some((f) => f.severity === "referral");
  const shown = referral ? flags.filter((f) => f.severity === "referral") : flags;
  const held = flags.length - shown.length;
  return (
    <ul className="flag-list" style={{ listStyle: "none", padding: 0 }}>
      {held > 0 ? (
        <li className="muted">
          {audience === "coach" ? t("heldBack", { held }) : home("flagsHeld")}
        </li>
      ) : null}
      {shown.map((flag) => (
        <li key={`${flag.id}-${flag.date}`} className={`card flag flag-${flag.severity}`}>
          <p style={{ margin: 0 }}>
            <span className={flagBadge(flag, words).className}>{flagBadge(flag, words).text}</span>{" "}
            <span className="muted">{formatDate(flag.date, intlLocale(locale))}</span>
          </p>
          <p>{words.flagExplanation(flag)}</p>
          {audience === "coach" || flag.severity !== "referral" ? (
            <p className="muted" style={{ fontSize: "0.9rem", margin: 0 }}>
              {t("evidence", { strength: t(`strength.${flag.evidence.strength}`) })} <span lang="en">{flag.evidence.citation}</span>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
