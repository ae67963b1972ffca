/**
 * The SQL that the coach's pages send, captured by running the pages' own data functions once (the
 * viewer, the header's unread count and each page's queries from lib/, as the pages call them) against
 * the bench database. scripts/bench-web.ts replays the statements with pg as the pages' "bare SQL", so
 * the comparison follows the pages whenever their queries change.
 *
 * Runs in a process of its own, with "server-only" stubbed as the unit tests do (lib/ modules import it;
 * the react-server condition would also swap React for its server build, which next-intl's client half
 * cannot load outside Next), every function on a cold start, as a page's first request after the server started: nothing kept yet (the
 * squad statuses and the training views are computed then, and later only for an athlete whose data
 * changed). Only reads are kept: the athlete page's audit-log insert and transaction statements are left out.
 *
 * Statements are grouped into stages as the functions await them: a statement that starts after one of
 * the current stage has answered may depend on it, so it opens the next stage; statements sent together
 * (Promise.all) share one.
 *
 * Usage (from scripts/bench-web.ts): tsx scripts/lib/page-sql.ts '<json input>'
 * with DATABASE_URL set; prints the captured stages as JSON on stdout.
 */
import Module, { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";

export type CapturedStage = [sql: string, params: unknown[]][];

export type PageSqlInput = {
  coachId: string;
  /** A live session of the coach (the bench logged in over HTTP), so the viewer reads as on a page. */
  sessionId: string;
  squadId: string;
  athleteIds: string[];
};

export type PageSqlOutput = { overview: CapturedStage[]; squad: CapturedStage[]; athletes: Record<string, CapturedStage[]> };

type Captured = { sql: string; params: unknown[]; stage: number; done: boolean };

let capturing: Captured[] | null = null;

/** Records every statement a pg client sends while `capturing` is set, with the stage it belongs to. */
function installCapture(): void {
  const send = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function capture(this: pg.Client, ...args: unknown[]) {
    const log = capturing;
    const [config, values] = args;
    const sql = typeof config === "string" ? config : (config as { text?: string } | null)?.text;
    if (!log || typeof sql !== "string") return send.apply(this, args);
    const params = (typeof config === "string" ? values : (config as { values?: unknown[] }).values) ?? [];
    const current = log.length ? log[log.length - 1].stage : 0;
    const stage = log.some((q) => q.stage === current && q.done) ? current + 1 : current;
    const entry: Captured = { sql, params: Array.isArray(params) ? params : [], stage, done: false };
    log.push(entry);
    // pg.Pool's query passes a callback; a client's own query answers a promise.
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (...results: unknown[]) => void;
      args[last] = (...results: unknown[]) => {
        entry.done = true;
        callback(...results);
      };
    }
    const result = send.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      (result as Promise<unknown>).then(
        () => void (entry.done = true),
        () => void (entry.done = true),
      );
    }
    return result;
  } as typeof pg.Client.prototype.query;
}

const READ = /^\s*(SELECT|WITH)\b/i;

async function capture(run: () => Promise<unknown>): Promise<CapturedStage[]> {
  capturing = [];
  try {
    await run();
  } finally {
    // Statements answered after the run (none expected) are not the page's.
  }
  const log = capturing;
  capturing = null;
  const stages: CapturedStage[] = [];
  let last = -1;
  for (const q of log) {
    if (!READ.test(q.sql)) continue;
    if (q.stage !== last) {
      stages.push([]);
      last = q.stage;
    }
    stages[stages.length - 1].push([q.sql, q.params]);
  }
  return stages;
}

/** Lets lib/ modules load outside Next: "server-only" resolves to an empty module, as in vitest.config.ts. */
function stubServerOnly(): void {
  const file = createRequire(path.join(process.cwd(), "package.json")).resolve("server-only");
  const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
  cache[file] = { id: file, filename: file, loaded: true, exports: {}, children: [], paths: [] };
}

async function main() {
  const input = JSON.parse(process.argv[2] ?? "") as PageSqlInput;
  stubServerOnly();
  installCapture();
  const { db } = await import("../../lib/db");
  const { loadViewerForSession, isStaffRole } = await import("../../lib/auth/permissions");
  const { countUnreadNotifications, countUnreadOfKind } = await import("../../lib/notifications/queries");
  const { getSquadTriage } = await import("../../lib/squads/overview");
  const { getSquadForCoach } = await import("../../lib/squads/queries");
  const { getCoachAthleteView } = await import("../../lib/athletes/coach-view");
  const { listCommentTargets } = await import("../../lib/comments/queries");
  const { listCommentThreads } = await import("../../lib/athletes/comments");
  const { parseChartRange } = await import("../../lib/athletes/schemas");
  const { todayIn } = await import("../../lib/dates");
  const prisma = db();
  // Connect before capturing, so the pool's first connection is not timed as a page's statement.
  await prisma.$queryRaw`SELECT 1`;

  // Every page: the viewer (lib/auth/viewer.ts), then the header's unread count beside the page's reads.
  async function asPage(body: (viewer: NonNullable<Awaited<ReturnType<typeof loadViewerForSession>>>) => Promise<unknown>) {
    return capture(async () => {
      const viewer = await loadViewerForSession(prisma, input.coachId, input.sessionId);
      if (!viewer) throw new Error("The coach's session is not live: log in first");
      await Promise.all([countUnreadNotifications(viewer), body(viewer)]);
    });
  }

  // app/(coach)/coach/page.tsx
  const overview = await asPage((viewer) =>
    Promise.all([
      Promise.all(viewer.memberships.filter((m) => isStaffRole(m.role)).map((m) => getSquadTriage(viewer, m.squadId))),
      countUnreadOfKind(viewer, "REPLY"),
    ]),
  );
  // app/(coach)/coach/squads/[squadId]/page.tsx
  const squad = await asPage((viewer) => getSquadForCoach(viewer, input.squadId));
  // app/(coach)/coach/squads/[squadId]/athletes/[athleteId]/page.tsx, with the default chart range
  const athletes: Record<string, CapturedStage[]> = {};
  for (const athleteId of input.athleteIds) {
    athletes[athleteId] = await asPage((viewer) => {
      const range = parseChartRange({}, todayIn(viewer.timeZone));
      return Promise.all([
        getCoachAthleteView(viewer, input.squadId, athleteId, range.range),
        listCommentTargets(viewer, input.squadId, athleteId),
        listCommentThreads(viewer, athleteId, { take: 20 }),
      ]);
    });
  }
  const output: PageSqlOutput = { overview, squad, athletes };
  process.stdout.write(JSON.stringify(output, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)));
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
