import {
  CHART_RANGE_LABELS,
  CHART_RANGE_PRESETS,
  MAX_CHART_RANGE_DAYS,
  type ChartRangePreset,
  type ParsedChartRange,
} from "@/lib/athletes/schemas";

const PRESETS = Object.keys(CHART_RANGE_PRESETS) as ChartRangePreset[];

/**
 * The charts' period as plain links and a GET form: it works without JavaScript, and the address can
 * be bookmarked or shared. The page reads it back with parseChartRange.
 */
export function ChartRangePicker({ parsed }: { parsed: ParsedChartRange }) {
  const { form, error } = parsed;
  return (
    <div className="chart-range card">
      {error ? (
        <p className="notice notice-warn" role="status">
          <strong>The period in the address could not be used:</strong> {error}. Showing the{" "}
          {CHART_RANGE_LABELS[form.range].toLowerCase()} instead.
        </p>
      ) : null}
      <nav aria-label="Chart period">
        <ul className="chart-range-presets">
          {PRESETS.map((p) => (
            <li key={p}>
              <a href={`?range=${p}#charts-heading`} aria-current={form.range === p ? "true" : undefined}>
                {CHART_RANGE_LABELS[p]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="#charts-heading" className="chart-range-form" aria-label="Dates of the charts">
        <input type="hidden" name="range" value="custom" />
        <div className="field">
          <label htmlFor="chart-from">From</label>
          <input id="chart-from" name="from" type="date" defaultValue={form.from} required />
        </div>
        <div className="field">
          <label htmlFor="chart-to">To</label>
          <input id="chart-to" name="to" type="date" defaultValue={form.to} />
        </div>
        <button type="submit" className="button-secondary">
          Show these dates
        </button>
      </form>
      <p className="hint">At most {Math.floor(MAX_CHART_RANGE_DAYS / 365)} years at a time; an empty “To” means today.</p>
    </div>
  );
}
