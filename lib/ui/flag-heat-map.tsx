import type { FlagWeek } from "@/lib/athletes/flag-history";
import { FLAG_NAMES } from "@/lib/thresholds/schemas";
import { SEVERITY_TEXT } from "@/lib/ui/flag-list";
import { EMERGENCY_TEXT } from "@/lib/ui/severity";
import { heatLevelOf, LEVEL_LETTER, type HeatLevel } from "@/lib/ui/heat-levels";

const LEVEL_TEXT: Record<HeatLevel, string> = { emergency: EMERGENCY_TEXT, ...SEVERITY_TEXT, info: "Note only", none: "Nothing flagged" };

/** The week's flags in words, for the cell's tooltip. */
export function weekText(week: FlagWeek): string {
  const names = [...new Set(week.flagIds)].map((id) => FLAG_NAMES[id as keyof typeof FLAG_NAMES] ?? id);
  return `${LEVEL_TEXT[heatLevelOf(week)]}${names.length ? `: ${names.join(", ")}` : ""}`;
}

/** The words of a flagged week's level, for screen readers, by the letter the overview's rows use. */
export const FLAGGED_LEVEL_WORDS: Record<string, string> = {
  [LEVEL_LETTER.emergency]: LEVEL_TEXT.emergency,
  [LEVEL_LETTER.referral]: LEVEL_TEXT.referral,
  [LEVEL_LETTER.warning]: LEVEL_TEXT.warning,
  [LEVEL_LETTER.caution]: LEVEL_TEXT.caution,
};

export function HeatLegend() {
  return (
    <p className="heat-legend muted">
      {(["emergency", "referral", "warning", "caution", "info", "none"] as const).map((level) => (
        <span key={level}>
          <span className={`heat-swatch heat-${level}`} aria-hidden="true" /> {LEVEL_TEXT[level]}
        </span>
      ))}
    </p>
  );
}
