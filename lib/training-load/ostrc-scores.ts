// No imports: the check-in form in the browser reads these without loading the rest of the engine.

/** OSTRC-O2 answer scores (Clarsen 2013/2020). */
export const OSTRC_Q1_SCORES: readonly number[] = [0, 8, 17, 25];
export const OSTRC_Q2_SCORES: readonly number[] = [0, 6, 13, 19, 25];
export const OSTRC_Q3_SCORES: readonly number[] = OSTRC_Q2_SCORES;
export const OSTRC_Q4_SCORES: readonly number[] = [0, 8, 17, 25];
