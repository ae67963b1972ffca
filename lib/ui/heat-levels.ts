/** A heat-map week's level: its worst flag (an emergency referral above any other), or none. */
export type HeatLevel = "emergency" | "referral" | "warning" | "caution" | "info" | "none";

/** A week's level as one letter (the first of its name), as the squad overview sends its rows. */
export const LEVEL_LETTER: Record<HeatLevel, string> = { emergency: "e", referral: "r", warning: "w", caution: "c", info: "i", none: "n" };

export const LEVEL_OF_LETTER: Record<string, HeatLevel> = { e: "emergency", r: "referral", w: "warning", c: "caution", i: "info", n: "none" };

/** A week's level from its worst flag and whether its referral was an emergency. */
export const heatLevelOf = (week: { worst: HeatLevel | null; emergency?: boolean }): HeatLevel =>
  week.emergency ? "emergency" : (week.worst ?? "none");
