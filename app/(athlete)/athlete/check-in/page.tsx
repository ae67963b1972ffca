import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getOwnOstrcWeek } from "@/lib/ostrc/queries";
import { OSTRC_AREA_KEYS, areaKeyOf, zoneOfKey } from "@/lib/ostrc/questions";
import { currentIntlLocale } from "@/lib/i18n/server";
import { formatDate } from "@/lib/dates";
import { CheckInForm, type CheckInInitial } from "./check-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ostrc");
  return { title: t("title") };
}

export default async function CheckInPage() {
  const viewer = await requireViewer();
  const [week, t, intlLocale] = await Promise.all([getOwnOstrcWeek(viewer), getTranslations("ostrc"), currentIntlLocale()]);
  const initial = Object.fromEntries(
    OSTRC_AREA_KEYS.map((key) => {
      const saved = week.areas.find((a) => a.zone === zoneOfKey(key));
      const problem = saved && saved.q1 + saved.q2 + saved.q3 + saved.q4 > 0 ? "yes" : "no";
      const answers = saved && problem === "yes"
        ? { q1: String(saved.q1), q2: String(saved.q2), q3: String(saved.q3), q4: String(saved.q4) }
        : { q1: null, q2: null, q3: null, q4: null };
      return [key, { problem, answers }];
    }),
  ) as CheckInInitial;
  return (
    <div className="check-in-page">
      <h1>{t("title")}</h1>
      <p>
        {t("weekOf", { start: formatDate(week.weekStart, intlLocale), end: formatDate(week.weekEnd, intlLocale) })}{" "}
        <span className="muted">{t("thinkPast")}</span>
      </p>
      <section aria-live="polite" aria-labelledby={week.areas.length ? "ostrc-scores-heading" : undefined}>
        {week.areas.length ? (
          <div className="card">
            <h2 id="ostrc-scores-heading" tabIndex={-1} style={{ marginTop: 0 }}>
              {t("scoresHeading")}
            </h2>
            <table>
              <caption className="visually-hidden">{t("scoresCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("colArea")}</th>
                  <th scope="col">{t("colSeverity")}</th>
                  <th scope="col">{t("colSubstantial")}</th>
                </tr>
              </thead>
              <tbody>
                {week.areas.map((a) => (
                  <tr key={a.zone}>
                    <th scope="row">{t(`areas.${areaKeyOf(a.zone)}`)}</th>
                    <td>{a.severity}</td>
                    <td>{a.substantial ? <span className="badge badge-danger">{t("yes")}</span> : t("no")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted" style={{ marginBottom: 0 }}>
              {t("substantialExplain")}
            </p>
          </div>
        ) : null}
      </section>
      <section className="card" aria-label={t("questionsLabel")}>
        <CheckInForm initial={initial} />
      </section>
    </div>
  );
}
