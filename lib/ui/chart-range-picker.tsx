import { getTranslations } from "next-intl/server";
import { CHART_RANGE_PRESETS, MAX_CHART_RANGE_DAYS, type ChartRangePreset, type ParsedChartRange } from "@/lib/athletes/schemas";
import { currentLocale } from "@/lib/i18n/server";
import { localizeServerMessage } from "@/lib/i18n/server-messages";

const PRESETS = Object.keys(CHART_RANGE_PRESETS) as ChartRangePreset[];

/**
 * The charts' period as plain links and a GET form: it works without JavaScript, and the address can
 * be bookmarked or shared. The page reads it back with parseChartRange.
 */
export async function ChartRangePicker({ parsed }: { parsed: ParsedChartRange }) {
  const t = await getTranslations("charts");
  const locale = await currentLocale();
  const { form, error } = parsed;
  // parseChartRange joins its messages with ". "; each is put into the reader's language.
  const message = error
    ? error
        .split(". ")
        .map((m) => localizeServerMessage(m, locale))
        .join(". ")
    : null;
  return (
    <div className="chart-range card">
      {message ? (
        <p className="notice notice-warn" role="status">
          <strong>{t("range.unusable")}</strong> {t("range.showingInstead", { message, period: t(`range.inSentence.${form.range}`) })}
        </p>
      ) : null}
      <nav aria-label={t("range.nav")}>
        <ul className="chart-range-presets">
          {PRESETS.map((p) => (
            <li key={p}>
              <a href={`?range=${p}#charts-heading`} aria-current={form.range === p ? "true" : undefined}>
                {t(`range.preset.${p}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="#charts-heading" className="chart-range-form" aria-label={t("range.form")}>
        <input type="hidden" name="range" value="custom" />
        <div className="field">
          <label htmlFor="chart-from">{t("range.from")}</label>
          <input id="chart-from" name="from" type="date" defaultValue={form.from} required />
        </div>
        <div className="field">
          <label htmlFor="chart-to">{t("range.to")}</label>
          <input id="chart-to" name="to" type="date" defaultValue={form.to} />
        </div>
        <button type="submit" className="button-secondary">
          {t("range.submit")}
        </button>
      </form>
      <p className="hint">{t("range.hint", { years: Math.floor(MAX_CHART_RANGE_DAYS / 365) })}</p>
    </div>
  );
}
