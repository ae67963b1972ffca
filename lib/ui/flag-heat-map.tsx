import type { Severity } from "@/lib/training-load";
import type { FlagWeek } from "@/lib/athletes/flag-history";
import { FLAG_NAMES } from "@/lib/thresholds/schemas";
import { SEVERITY_TEXT } from "@/lib/ui/flag-list";
import type { SquadRow } from "@/lib/ui/squad-rows";

const LEVEL_TEXT: Record<Severity | "none", string> = { ...SEVERITY_TEXT, info: "Note only", none: "Nothing flagged" };

/** The week's flags in words, for the cell's tooltip. */
export function weekText(week: FlagWeek): string {
  const names = [...new Set(week.flagIds)].map((id) => FLAG_NAMES[id as keyof typeof FLAG_NAMES] ?? id);
  return `${LEVEL_TEXT[week.worst ?? "none"]}${names.length ? `: ${names.join(", ")}` : ""}`;
}

/** A week of the heat map as the overview's rows carry it: the level, and for a flagged week its words and tooltip. */
export function heatCell(week: FlagWeek): SquadRow["weeks"][number] {
  if (week.worst === null || week.worst === "info") return [week.worst ?? "none"];
  return [week.worst, LEVEL_TEXT[week.worst], weekText(week)];
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
