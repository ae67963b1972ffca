/**
 * OSTRC-O2 weekly health questionnaire (Clarsen 2013, updated 2020), asked per back zone for the past 7 days.
 */
import { parseOstrcAnswers, type OstrcAnswers } from "./validate";

export interface OstrcScore {
  /** Sum of the four answer scores after the Q1 rule, 0-100. */
  severity: number;
  /** Q2 >= 13 or Q3 >= 13 (moderate or major reduction), or Q1 = 25 (could not participate). */
  substantial: boolean;
}

/** Scores with the rule "Q1 = 25 (could not participate) sets Q2 and Q3 to 25". */
export function ostrcOf(a: OstrcAnswers): OstrcScore & { q1: number; q2: number; q3: number; q4: number } {
  const out = a.q1 === 25;
  const q2 = out ? 25 : a.q2;
  const q3 = out ? 25 : a.q3;
  return {
    q1: a.q1,
    q2,
    q3,
    q4: a.q4,
    severity: a.q1 + q2 + q3 + a.q4,
    substantial: out || q2 >= 13 || q3 >= 13,
  };
}

/**
 * OSTRC-O2 severity score (0-100) and "substantial problem" (Clarsen 2013 BJSM 47:495; 2020 update).
 * Answers are the questionnaire's scores: Q1 participation 0/8/17/25; Q2 training volume and Q3
 * performance 0/6/13/19/25; Q4 pain 0/8/17/25. Q1 = 25 sets Q2 and Q3 to 25. Substantial: Q2 >= 13 or
 * Q3 >= 13 (or Q1 = 25). Any other answer throws EngineInputError naming "q1".."q4".
 */
export function scoreOstrc(a: { q1: number; q2: number; q3: number; q4: number }): OstrcScore {
  const { severity, substantial } = ostrcOf(parseOstrcAnswers(a, ""));
  return { severity, substantial };
}
