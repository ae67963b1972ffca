import { getTranslations } from "next-intl/server";
import { CITATIONS } from "@/lib/training-load";

// The sources of the ratio and of its critique, in the order the text uses them.
const SOURCES = ["gabbett-2016", "lolli-2019", "windt-gabbett-2019", "impellizzeri-2020", "williams-2017", "impellizzeri-2021", "frandsen-2025"];

/**
 * Why the acute:chronic ratio is shown but not trusted, one click from its chart. Coaches and athletes
 * both read it, so it names neither. The sources stay in their own language.
 */
export async function AcwrCritique({ acwrHigh }: { acwrHigh: number }) {
  const t = await getTranslations("athletePage.acwr");
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <details className="chart-critique">
      <summary>{t("summary")}</summary>
      <p>{t.rich("coupled", { strong })}</p>
      <p>{t.rich("amounts", { strong })}</p>
      <p>{t("evidence", { acwrHigh })}</p>
      <p className="muted">{t("sources")}</p>
      <ul className="muted chart-sources">
        {SOURCES.map((id) => (
          <li key={id}>{CITATIONS[id].text}</li>
        ))}
      </ul>
    </details>
  );
}
