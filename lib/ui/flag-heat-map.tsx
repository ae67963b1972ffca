import type { Severity } from "@/lib/training-load";
import type { FlagWeek } from "@/lib/athletes/flag-history";
import { FLAG_NAMES } from "@/lib/thresholds/schemas";
import { formatDate } from "@/lib/dates";
import { SEVERITY_TEXT } from "@/lib/ui/flag-list";

const LEVEL_TEXT: Record<Severity | "none", string> = { ...SEVERITY_TEXT, info: "Note only", none: "Nothing flagged" };

/** What one heat-map cell says, for the tooltip and for screen readers. */
export function weekText(week: FlagWeek): string {
  const names = [...new Set(week.flagIds)].map((id) => FLAG_NAMES[id as keyof typeof FLAG_NAMES] ?? id);
  const level = LEVEL_TEXT[week.worst ?? "none"];
  return `Week of ${formatDate(week.weekStart)}: ${level}${names.length ? ` (${names.join(", ")})` : ""}`;
}

/** One table cell per week, coloured by the week's worst flag, oldest first. */
export function FlagWeekCells({ weeks }: { weeks: FlagWeek[] }) {
  return (
    <>
      {weeks.map((w) => {
        const text = weekText(w);
        return (
          <td key={w.weekStart} className={`heat heat-${w.worst ?? "none"}`} title={text}>
            <span className="visually-hidden">{text}</span>
          </td>
        );
      })}
    </>
  );
}

export function HeatLegend() {
  return (
    <p className="heat-legend muted">
      {(["referral", "warning", "caution", "info", "none"] as const).map((level) => (
        <span key={level}>
          <span className={`heat-swatch heat-${level}`} aria-hidden="true" /> {LEVEL_TEXT[level]}
        </span>
      ))}
    </p>
  );
}
