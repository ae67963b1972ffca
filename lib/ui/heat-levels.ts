/** A heat-map week's level: its worst flag, or none. */
export type HeatLevel = "referral" | "warning" | "caution" | "info" | "none";

/** A week's level as one letter (the first of its name), as the squad overview sends its rows. */
export const LEVEL_LETTER: Record<HeatLevel, string> = { referral: "r", warning: "w", caution: "c", info: "i", none: "n" };

export const LEVEL_OF_LETTER: Record<string, HeatLevel> = { r: "referral", w: "warning", c: "caution", i: "info", n: "none" };
