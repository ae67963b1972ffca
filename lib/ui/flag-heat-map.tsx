import type { Severity } from "@/lib/training-load";
import type { FlagWeek } from "@/lib/athletes/flag-history";
import { FLAG_NAMES } from "@/lib/thresholds/schemas";
import { SEVERITY_TEXT } from "@/lib/ui/flag-list";

const LEVEL_TEXT: Record<Severity | "none", string> = { ...SEVERITY_TEXT, info: "Note only", none: "Nothing flagged" };

/** The week's flags in words, for the cell's tooltip. */
export function weekText(week: FlagWeek): string {
  const names = [...new Set(week.flagIds)].map((id) => FLAG_NAMES[id as keyof typeof FLAG_NAMES] ?? id);
  return `${LEVEL_TEXT[week.worst ?? "none"]}${names.length ? `: ${names.join(", ")}` : ""}`;
}

/**
 * One table cell per week, coloured by the week's worst flag, oldest first; each column's header names
 * its week. A hundred athletes make twelve hundred cells, so a cell carries only what it must: the level
 * as text for screen readers (none for a quiet week, which the caption explains) and the flags' names
 * as a tooltip.
 */
export function FlagWeekCells({ weeks }: { weeks: FlagWeek[] }) {
  return (
    <>
      {weeks.map((w) =>
        w.worst === null || w.worst === "info" ? (
          <td key={w.weekStart} className={`heat heat-${w.worst ?? "none"}`} />
        ) : (
          <td key={w.weekStart} className={`heat heat-${w.worst}`} title={weekText(w)}>
            <span className="visually-hidden">{LEVEL_TEXT[w.worst]}</span>
          </td>
        ),
      )}
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
