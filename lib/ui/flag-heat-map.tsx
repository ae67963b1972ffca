import type { FlagWeek } from "@/lib/athletes/flag-history";
import { engineText, type EngineText } from "@/lib/i18n/engine-text";
import { heatLevelOf, LEVEL_LETTER, type HeatLevel } from "@/lib/ui/heat-levels";

const ENGLISH = engineText("en");

function levelTexts(words: EngineText): Record<HeatLevel, string> {
  return {
    emergency: words.severity("emergency"),
    referral: words.severity("referral"),
    warning: words.severity("warning"),
    caution: words.severity("caution"),
    info: words.suggestionWords("heatNoteOnly"),
    none: words.suggestionWords("heatNothing"),
  };
}

/** The week's flags in words, for the cell's tooltip. */
export function weekText(week: FlagWeek, words: EngineText = ENGLISH): string {
  const names = [...new Set(week.flagIds)].map((id) => words.flagName(id));
  return `${levelTexts(words)[heatLevelOf(week)]}${names.length ? `: ${names.join(", ")}` : ""}`;
}

/** The words of a flagged week's level, for screen readers, by the letter the overview's rows use. */
export function flaggedLevelWords(words: EngineText = ENGLISH): Record<string, string> {
  const text = levelTexts(words);
  return {
    [LEVEL_LETTER.emergency]: text.emergency,
    [LEVEL_LETTER.referral]: text.referral,
    [LEVEL_LETTER.warning]: text.warning,
    [LEVEL_LETTER.caution]: text.caution,
  };
}

export const FLAGGED_LEVEL_WORDS: Record<string, string> = flaggedLevelWords();

export function HeatLegend({ words = ENGLISH }: { words?: EngineText }) {
  const LEVEL_TEXT = levelTexts(words);
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
