import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isStaffRole, type Viewer } from "@/lib/auth/permissions";
import { addDays, mondayOf, todayIn } from "@/lib/dates";
import { getAthleteSummary } from "@/lib/athletes/queries";
import { getCoachAthleteView } from "@/lib/athletes/coach-view";
import { getTrainingView } from "@/lib/athletes/training";
import { listCommentThreads } from "@/lib/athletes/comments";
import { parseChartRange } from "@/lib/athletes/schemas";
import { listCommentTargets } from "@/lib/comments/queries";
import { countUnreadNotifications, countUnreadOfKind } from "@/lib/notifications/queries";
import { isCheckInDue } from "@/lib/ostrc/queries";
import { listOwnPainReports } from "@/lib/pain/queries";
import { getAthleteCalendar, getSquadWeek, listPlannedSessions } from "@/lib/plans/queries";
import { getSquadLogWeek } from "@/lib/squad-log/queries";
import { getSquadTriage } from "@/lib/squads/overview";
import { getSquadForCoach } from "@/lib/squads/queries";
import { listSessionHistory } from "@/lib/sessions/history";
import { parseHistoryQuery } from "@/lib/sessions/history-params";
import { listOwnSessions, listOwnShoes } from "@/lib/sessions/queries";
import { getOwnWellnessToday } from "@/lib/wellness/queries";
import { DEMO_CLINICIAN_EMAIL, DEMO_COACH_EMAIL, seedDemo } from "@/prisma/demo/seed";
import { viewerOf } from "./factories";
import { testDatabaseUrl } from "./test-database";

// Every page's reads use an index on the big tables: the pages' own lib/ functions run for a coach, an
// athlete and a clinician over a small seeded squad while every statement their pg client sends is
// recorded, and each read is then planned with EXPLAIN (FORMAT JSON). A club holds a million sessions,
// where a sequential scan of "TrainingSession" or "DailyLoad" costs seconds.
//
// On a database this small the planner prefers sequential scans of every table, so the plans are made
// with `SET LOCAL enable_seqscan = off` in the same transaction: that only makes sequential scans
// expensive, it does not forbid them, so a Seq Scan left in the plan means no usable index exists for
// the query.
const WATCHED = new Set(["TrainingSession", "DailyLoad"]);

type Statement = { sql: string; params: unknown[]; label: string };

let recording: { label: string; log: Statement[] } | null = null;
const send = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function record(this: pg.Client, ...args: unknown[]) {
  const [config, values] = args;
  const sql = typeof config === "string" ? config : (config as { text?: string } | null)?.text;
  if (recording && typeof sql === "string") {
    const params = (typeof config === "string" ? values : (config as { values?: unknown[] }).values) ?? [];
    recording.log.push({ sql, params: Array.isArray(params) ? params : [], label: recording.label });
  }
  return send.apply(this, args);
} as typeof pg.Client.prototype.query;

afterEach(() => {
  recording = null;
});

async function record(log: Statement[], label: string, run: () => Promise<unknown>): Promise<void> {
  recording = { label, log };
  try {
    await run();
  } finally {
    recording = null;
  }
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

function seqScans(node: PlanNode, found: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) found.push(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScans(child, found);
  return found;
}

const READ = /^\s*(SELECT|WITH)\b/i;

describe("query plans of the pages", () => {
  it("reads sessions and daily totals through indexes on every page", async () => {
    const seeded = await seedDemo(db(), { athletes: 6, months: 4, endDate: todayIn("UTC") });
    const squadId = seeded.squadId!;
    const prisma = db();
    const ids = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
    const coach = await viewerOf(await ids(DEMO_COACH_EMAIL));
    const clinician = await viewerOf(await ids(DEMO_CLINICIAN_EMAIL));
    const athlete = await viewerOf(await ids(seeded.athleteEmails[0]));
    const other = await ids(seeded.athleteEmails[1]);
    const today = todayIn(coach.timeZone);
    const monday = mondayOf(today);
    const range = parseChartRange({}, today).range;

    const log: Statement[] = [];
    const staffPages = async (viewer: Viewer, who: string) => {
      await record(log, `${who}: overview`, () =>
        Promise.all([
          countUnreadNotifications(viewer),
          countUnreadOfKind(viewer, "REPLY"),
          ...viewer.memberships.filter((m) => isStaffRole(m.role)).map((m) => getSquadTriage(viewer, m.squadId)),
        ]),
      );
      await record(log, `${who}: athlete page`, () =>
        Promise.all([
          getCoachAthleteView(viewer, squadId, other, range),
          listCommentTargets(viewer, squadId, other),
          listCommentThreads(viewer, other, { take: 20 }),
        ]),
      );
    };
    await staffPages(coach, "coach");
    await record(log, "coach: squad page", () => getSquadForCoach(coach, squadId));
    await record(log, "coach: athlete plan", () => getAthleteCalendar(coach, squadId, other, { view: "week", start: monday }));
    await record(log, "coach: squad log", () => getSquadLogWeek(coach, squadId, monday));
    await record(log, "coach: squad plan", () => getSquadWeek(coach, squadId, monday));
    await staffPages(clinician, "clinician");
    await record(log, "athlete: home", () =>
      Promise.all([
        getAthleteSummary(athlete, athlete.id),
        getTrainingView(athlete, athlete.id, range),
        isCheckInDue(athlete),
        listPlannedSessions(athlete, athlete.id, monday, addDays(monday, 6)),
        listOwnSessions(athlete, 7),
        listCommentThreads(athlete, athlete.id),
        getOwnWellnessToday(athlete),
      ]),
    );
    await record(log, "athlete: sessions", () => Promise.all([listSessionHistory(athlete, parseHistoryQuery({})), listOwnShoes(athlete)]));
    await record(log, "athlete: pain", () => listOwnPainReports(athlete));

    const reads = log.filter((s) => READ.test(s.sql));
    const touching = reads.filter((s) => /"(TrainingSession|DailyLoad)"/.test(s.sql));
    // The capture must have seen the pages' reads of both tables, or the test proves nothing.
    expect(touching.some((s) => s.sql.includes('"TrainingSession"'))).toBe(true);
    expect(touching.some((s) => s.sql.includes('"DailyLoad"'))).toBe(true);

    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    const problems: string[] = [];
    try {
      await client.query("ANALYZE");
      // The check itself: a read by a column without an index is reported.
      const unindexed: Statement = { sql: `SELECT "id" FROM "TrainingSession" WHERE "notes" = $1`, params: ["x"], label: "self-check" };
      for (const statement of [unindexed, ...touching]) {
        await client.query("BEGIN");
        try {
          await client.query("SET LOCAL enable_seqscan = off");
          const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.params);
          const scans = seqScans(rows[0]["QUERY PLAN"][0].Plan).filter((t) => WATCHED.has(t));
          if (scans.length) problems.push(`${statement.label}: Seq Scan on ${scans.join(", ")} in\n  ${statement.sql.replace(/\s+/g, " ").slice(0, 400)}`);
        } finally {
          await client.query("ROLLBACK");
        }
      }
    } finally {
      await client.end();
    }
    expect(problems[0]).toMatch(/^self-check: Seq Scan on TrainingSession/);
    expect(problems.slice(1)).toEqual([]);
  });
});
