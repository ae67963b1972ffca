import { addDays, mondayOf } from "@/lib/dates";
import { DEFAULT_RPE } from "@/lib/training-load";

// Planned against done, day by day and week by week. Pure: the caller reads the plan, the sessions and
// the kept daily totals, and passes today in the athlete's time zone.

export type PlannedForMatch = {
  id: string;
  date: string;
  type: string;
  subType?: string | null;
  durationMin: number;
  distanceKm: number | null;
  targetRpe: number | null;
  /** A session the plan entry was explicitly marked as done by; it wins over matching. */
  completedSessionId?: string | null;
  /** On hold after a red-flag report: not to be trained, so neither planned load nor missed. */
  held?: boolean;
};

export type DoneForMatch = {
  id: string;
  date: string;
  type: string;
  subType?: string | null;
  durationMin: number;
  distanceKm: number | null;
  rpe: number | null;
};

export type Totals = { durationMin: number; distanceKm: number; loadAu: number };

/**
 * done: a session of the same type was done that day. missed: the day is over and none was.
 * due: today or later and not done yet.
 */
export type PlannedStatus = "done" | "missed" | "due" | "held";

export type DayComparison = {
  date: string;
  planned: Totals;
  /** What was done; null for days after today, which have nothing to compare yet. */
  done: Totals | null;
  plannedCount: number;
  completedCount: number;
  missedCount: number;
};

export type WeekComparison = {
  monday: string;
  /** The days of the week inside the compared range. */
  from: string;
  to: string;
  planned: Totals;
  /** Planned on the days up to today: the fair measure for a week still under way. */
  plannedToDate: Totals;
  done: Totals | null;
  plannedCount: number;
  completedCount: number;
  missedCount: number;
};

export type PlanComparison = {
  /** Planned session id to the done session that fulfilled it, or null. */
  matchedSessionId: Record<string, string | null>;
  status: Record<string, PlannedStatus>;
  /** Done sessions that fulfilled no planned session. */
  unplannedSessionIds: string[];
  days: DayComparison[];
  weeks: WeekComparison[];
};

const zero = (): Totals => ({ durationMin: 0, distanceKm: 0, loadAu: 0 });

const add = (a: Totals, b: Totals): Totals => ({
  durationMin: a.durationMin + b.durationMin,
  distanceKm: a.distanceKm + b.distanceKm,
  loadAu: a.loadAu + b.loadAu,
});

const rounded = (t: Totals): Totals => ({
  durationMin: Math.round(t.durationMin),
  distanceKm: Math.round(t.distanceKm * 10) / 10,
  loadAu: Math.round(t.loadAu),
});

/** sRPE load of a planned session (Foster 2001); without a target effort it counts at RPE 5, as done sessions do. */
export const plannedLoadAu = (p: Pick<PlannedForMatch, "durationMin" | "targetRpe">) => p.durationMin * (p.targetRpe ?? DEFAULT_RPE);

const plannedTotals = (p: PlannedForMatch): Totals => ({ durationMin: p.durationMin, distanceKm: p.distanceKm ?? 0, loadAu: plannedLoadAu(p) });
const doneTotals = (d: DoneForMatch): Totals => ({ durationMin: d.durationMin, distanceKm: d.distanceKm ?? 0, loadAu: d.durationMin * (d.rpe ?? DEFAULT_RPE) });

/**
 * Pairs planned and done sessions of the same day and type, each used once. When a day holds several
 * candidates, the closest pairs go first: same cross-training mode, then the nearest duration; ties
 * keep the order given. An explicit completedSessionId link is honoured before any matching.
 */
export function matchPlannedToDone(planned: PlannedForMatch[], done: DoneForMatch[]): Record<string, string | null> {
  const result: Record<string, string | null> = Object.fromEntries(planned.map((p) => [p.id, null]));
  const used = new Set<string>();
  const doneIds = new Set(done.map((d) => d.id));
  for (const p of planned) {
    if (p.completedSessionId && doneIds.has(p.completedSessionId) && !used.has(p.completedSessionId)) {
      result[p.id] = p.completedSessionId;
      used.add(p.completedSessionId);
    }
  }
  const pairs: { p: number; d: number; score: number }[] = [];
  planned.forEach((p, pi) => {
    if (result[p.id] !== null) return;
    done.forEach((d, di) => {
      if (used.has(d.id) || d.date !== p.date || d.type !== p.type) return;
      const modeMismatch = (p.subType ?? null) !== null && (d.subType ?? null) !== (p.subType ?? null);
      pairs.push({ p: pi, d: di, score: (modeMismatch ? 1e6 : 0) + Math.abs(d.durationMin - p.durationMin) });
    });
  });
  pairs.sort((a, b) => a.score - b.score || a.p - b.p || a.d - b.d);
  for (const { p, d } of pairs) {
    const plannedId = planned[p].id;
    const doneId = done[d].id;
    if (result[plannedId] !== null || used.has(doneId)) continue;
    result[plannedId] = doneId;
    used.add(doneId);
  }
  return result;
}

/**
 * Planned against done for the days from `from` to `to` (both included). Done totals are summed from
 * the same sessions the calendar lists, so the numbers and the list never disagree; a session without
 * RPE counts at RPE 5, as in the kept daily totals and the engine. Days after `today` have no done totals.
 */
export function comparePlannedVsDone(input: {
  from: string;
  to: string;
  today: string;
  planned: PlannedForMatch[];
  done: DoneForMatch[];
}): PlanComparison {
  const { from, to, today } = input;
  const planned = input.planned.filter((p) => p.date >= from && p.date <= to);
  const done = input.done.filter((d) => d.date >= from && d.date <= to && d.date <= today);
  const matchedSessionId = matchPlannedToDone(planned, done);
  const status: Record<string, PlannedStatus> = {};
  for (const p of planned) {
    status[p.id] = matchedSessionId[p.id] !== null ? "done" : p.held ? "held" : p.date < today ? "missed" : "due";
  }
  const fulfilling = new Set(Object.values(matchedSessionId).filter((v): v is string => v !== null));

  const days: DayComparison[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const dayPlanned = planned.filter((p) => p.date === date && status[p.id] !== "held");
    const doneDay = date <= today ? done.filter((d) => d.date === date).map(doneTotals).reduce(add, zero()) : null;
    days.push({
      date,
      planned: rounded(dayPlanned.map(plannedTotals).reduce(add, zero())),
      done: doneDay && rounded(doneDay),
      plannedCount: dayPlanned.length,
      completedCount: dayPlanned.filter((p) => status[p.id] === "done").length,
      missedCount: dayPlanned.filter((p) => status[p.id] === "missed").length,
    });
  }

  const weeks: WeekComparison[] = [];
  for (const day of days) {
    const monday = mondayOf(day.date);
    let week = weeks.at(-1);
    if (!week || week.monday !== monday) {
      week = { monday, from: day.date, to: day.date, planned: zero(), plannedToDate: zero(), done: null, plannedCount: 0, completedCount: 0, missedCount: 0 };
      weeks.push(week);
    }
    week.to = day.date;
    week.planned = add(week.planned, day.planned);
    if (day.date <= today) week.plannedToDate = add(week.plannedToDate, day.planned);
    if (day.done) week.done = add(week.done ?? zero(), day.done);
    week.plannedCount += day.plannedCount;
    week.completedCount += day.completedCount;
    week.missedCount += day.missedCount;
  }
  for (const week of weeks) {
    week.planned = rounded(week.planned);
    week.plannedToDate = rounded(week.plannedToDate);
    week.done = week.done && rounded(week.done);
  }

  return {
    matchedSessionId,
    status,
    unplannedSessionIds: done.filter((d) => !fulfilling.has(d.id)).map((d) => d.id),
    days,
    weeks,
  };
}
