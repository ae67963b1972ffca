import { beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import { previewImport } from "@/lib/imports/store";
import { stravaCsv, stravaDate } from "@/lib/imports/testing";
import { createPlannedSession } from "@/lib/plans/mutations";
import { applyBulkChange, previewBulkChange } from "@/lib/sessions/bulk";
import { listSessionHistory } from "@/lib/sessions/history";
import { DEFAULT_HISTORY_QUERY, parseHistoryQuery } from "@/lib/sessions/history-params";
import { listOwnSessions } from "@/lib/sessions/queries";
import { getSquadTriage } from "@/lib/squads/overview";
import { createUser, twoSquads, viewerOf } from "./factories";

// The route handlers read the signed-in person through this module; tests choose who that is.
const signedIn = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => signedIn.viewer }));

const { POST: commitRoute } = await import("@/app/api/imports/[batchId]/commit/route");
const { GET: coachFitRoute } = await import("@/app/api/exports/squads/[squadId]/athletes/[athleteId]/workouts/[plannedId]/route");
const { GET: coachWeekRoute } = await import("@/app/api/exports/squads/[squadId]/athletes/[athleteId]/workouts/route");
const { GET: ownWeekRoute } = await import("@/app/api/exports/me/workouts/route");
const { GET: ownPlanRoute } = await import("@/app/api/exports/me/plan/route");
const { GET: historyExportRoute } = await import("@/app/api/exports/squads/[squadId]/athletes/[athleteId]/history/route");

const params = <T>(p: T) => ({ params: Promise.resolve(p) });
const get = (path: string) => new NextRequest(new URL(path, "http://backbone.test"));

beforeEach(() => {
  signedIn.viewer = null;
});

describe("committing an import with a hostile body", () => {
  const T0 = Date.UTC(2026, 10, 2, 7, 0, 0);
  // A sport whose key is a name every object inherits.
  const file = {
    name: "activities.csv",
    bytes: new TextEncoder().encode(
      stravaCsv([
        { "Activity ID": "1", "Activity Date": stravaDate(T0), "Activity Type": "Run", "Elapsed Time": "3000", "Moving Time": "2700", "Distance@2": "9000" },
        { "Activity ID": "2", "Activity Date": stravaDate(T0 + 864e5), "Activity Type": "Constructor", "Elapsed Time": "3000", "Distance@2": "9000" },
      ]),
    ),
  };
  const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
    new Request("http://backbone.test/api/imports/b/commit", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  const commit = async (batchId: string, body: BodyInit | null, headers?: Record<string, string>) => {
    const res = await commitRoute(post(body, headers), params({ batchId }));
    return { status: res.status, body: await res.json() };
  };

  it("refuses bodies too long, unreadable or of the wrong shape with a 422, and imports nothing", async () => {
    const { athleteA } = await twoSquads();
    const { batchId } = await previewImport(db(), athleteA.id, [file], "UTC");
    signedIn.viewer = athleteA;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(8192).fill(32));
      },
    });
    const bodies: [BodyInit, Record<string, string>?][] = [
      ["{}", { "content-length": "99999999" }],
      [`{"choices":{}}${" ".repeat(40_000)}`],
      [endless],
      [new Uint8Array([0x7b, 0xff, 0x7d])],
      ["choices=RUN"],
      [`{"choices":${"[".repeat(10_000)}${"]".repeat(10_000)}}`],
      [JSON.stringify({ choices: Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`sport ${i}`, "RUN"])) })],
      [JSON.stringify({ choices: { run: "DANCE" } })],
      [JSON.stringify({ choices: { ["x".repeat(81)]: "RUN" } })],
      ["[1,2]"],
      ["null"],
    ];
    for (const [body, headers] of bodies) {
      const started = Date.now();
      const res = await commit(batchId!, body, headers);
      expect(res.status).toBe(422);
      expect(res.body).toEqual({ error: { message: expect.any(String), code: "bad_request", status: 422 } });
      expect(Date.now() - started).toBeLessThan(2000);
    }
    expect(await db().trainingSession.count()).toBe(0);
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: batchId! } })).toMatchObject({ status: "PREVIEWED" });
    expect(await db().importSportChoice.count()).toBe(0);
  });

  it("takes inherited names as plain sport keys and never as choices", async () => {
    const { athleteA } = await twoSquads();
    const { batchId, sports } = await previewImport(db(), athleteA.id, [file], "UTC");
    expect(sports.map((s) => s.key).sort()).toEqual(["constructor", "run"]);
    signedIn.viewer = athleteA;
    // "__proto__" names no sport (a sport's key holds no underscore) and is dropped; what it holds is no choice.
    const ok = await commit(batchId!, '{"choices":{"__proto__":{"run":"SKIP"},"constructor":"MOBILITY","hasOwnProperty":"SKIP"}}');
    expect(ok).toEqual({ status: 200, body: { created: 2, skipped: 0, skippedBySport: 0, needsReview: 0 } });
    const stored = await db().trainingSession.findMany({ where: { userId: athleteA.id }, select: { sourceSport: true, type: true } });
    expect(stored.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      { sourceSport: "Constructor", type: "MOBILITY" },
      { sourceSport: "Run", type: "RUN" },
    ]);
    expect(await db().importSportChoice.findMany({ select: { sport: true, type: true } })).toEqual([{ sport: "constructor", type: "MOBILITY" }]);
    expect(({} as Record<string, unknown>).run).toBeUndefined();
  });

  it("answers 404 for someone else's batch and for one already committed; two commits at once import once", async () => {
    const { athleteA, athleteB } = await twoSquads();
    const { batchId } = await previewImport(db(), athleteA.id, [file], "UTC");
    signedIn.viewer = athleteB;
    expect((await commit(batchId!, "")).status).toBe(404);
    expect((await commit("x".repeat(10_000), "")).status).toBe(404);
    signedIn.viewer = null;
    expect((await commit(batchId!, "")).status).toBe(401);
    expect(await db().trainingSession.count()).toBe(0);

    signedIn.viewer = athleteA;
    const all = await Promise.all([0, 1, 2].map(() => commit(batchId!, '{"choices":{}}')));
    expect(all.map((r) => r.status).sort()).toEqual([200, 404, 404]);
    expect(all.find((r) => r.status === 404)?.body.error.code).toBe("not_found");
    expect((await commit(batchId!, "")).status).toBe(404);
    expect(await db().trainingSession.count({ where: { userId: athleteA.id } })).toBe(2);
    expect(await db().auditLog.count({ where: { action: "import.commit" } })).toBe(1);
  });
});

describe("dates no calendar field can hold", () => {
  it("the history ignores a year 0 in its address instead of failing", async () => {
    const { athleteA } = await twoSquads();
    await db().trainingSession.create({ data: { userId: athleteA.id, localDate: new Date("2025-05-01T00:00:00Z"), type: "RUN", durationMin: 40 } });
    const query = parseHistoryQuery({ from: "0000-01-01", to: "0000-12-31" });
    expect(query).toMatchObject({ from: null, to: null });
    expect((await listSessionHistory(athleteA, query)).totals.sessions).toBe(1);
    expect(parseHistoryQuery({ from: "1000-01-01" }).from).toBe("1000-01-01");
  });

  it("a planned session on a day of year 0 is refused with a message for the field", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const error = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: "0000-06-01", duration: "30" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.date).toEqual(["Check the year: dates start in the year 1000"]);
    expect(await db().plannedSession.count()).toBe(0);
  });

  it("exports answer 422 for a week or range in year 0 and the first days of year 1", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    signedIn.viewer = coachA;
    const athlete = { squadId: squadA.id, athleteId: athleteA.id };
    for (const week of ["0000-01-01", "0001-01-02", "0999-12-31"]) {
      const res = await coachWeekRoute(get(`/x?week=${week}`), params(athlete));
      expect(res.status).toBe(422);
      expect((await res.json()).error.message).toBe("Week must be in the year 1000 or later");
    }
    const history = await historyExportRoute(get("/x?from=0001-01-01&to=0001-02-01"), params(athlete));
    expect(history.status).toBe(422);
    signedIn.viewer = athleteA;
    expect((await ownWeekRoute(get("/x?week=0000-01-01"))).status).toBe(422);
    expect((await ownPlanRoute(get("/x?from=0000-01-01&to=0000-02-01&format=csv"))).status).toBe(422);
  });
});

describe("workout files for people outside the squad's coaching", () => {
  it("a clinician of the squad, and ids of any length, get a 404", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const clinician = await createUser("Clinician");
    await db().membership.create({ data: { userId: clinician.id, squadId: squadA.id, role: "CLINICIAN" } });
    const { id: plannedId } = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: "2026-06-10", duration: "50" });
    signedIn.viewer = await viewerOf(clinician.id);
    expect((await coachFitRoute(get("/x"), params({ squadId: squadA.id, athleteId: athleteA.id, plannedId }))).status).toBe(404);
    expect((await coachWeekRoute(get("/x?week=2026-06-10"), params({ squadId: squadA.id, athleteId: athleteA.id }))).status).toBe(404);
    signedIn.viewer = coachA;
    for (const p of [
      { squadId: "s".repeat(10_000), athleteId: athleteA.id, plannedId },
      { squadId: squadA.id, athleteId: "a".repeat(100_000), plannedId },
      { squadId: squadA.id, athleteId: athleteA.id, plannedId: "p".repeat(100_000) },
    ]) {
      expect((await coachFitRoute(get("/x"), params(p))).status).toBe(404);
    }
    expect(await db().auditLog.count({ where: { action: "export.plan" } })).toBe(0);
  });
});

describe("bulk changes with hostile id lists", () => {
  it("refuses 10,000 ids at once without reading them, and counts a repeated id once", async () => {
    const { athleteA } = await twoSquads();
    const s = await db().trainingSession.create({ data: { userId: athleteA.id, localDate: new Date("2025-05-01T00:00:00Z"), type: "RUN", durationMin: 40 } });
    const many = Array.from({ length: 10_000 }, (_, i) => `c${String(i).padStart(24, "0")}`);
    const started = Date.now();
    const error = await applyBulkChange(athleteA, { op: "delete", ids: many }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Date.now() - started).toBeLessThan(1000);
    const preview = await previewBulkChange(athleteA, { op: "rpe", rpe: "4", ids: Array(500).fill(s.id) });
    expect(preview).toMatchObject({ question: "Set RPE 4 on 1 session?", count: 1, change: { ids: [s.id] } });
    expect(await applyBulkChange(athleteA, { op: "rpe", rpe: "4", ids: Array(500).fill(s.id) })).toEqual({ message: "RPE 4 set on 1 session.", count: 1 });
  });
});

describe("time zones stored as nonsense", () => {
  // Started 23:30 UTC on 1 January; counted on `day`.
  async function sessionIn(userId: string, timeZone: string, day = "2026-01-02") {
    return db().trainingSession.create({
      data: { userId, localDate: new Date(`${day}T00:00:00Z`), startTime: new Date("2026-01-01T23:30:00Z"), timeZone, type: "RUN", durationMin: 40 },
    });
  }

  it("a session's zone that is no zone is only named, never used", async () => {
    const { athleteA } = await twoSquads();
    await sessionIn(athleteA.id, "Not/AZone");
    const [row] = (await listSessionHistory(athleteA, DEFAULT_HISTORY_QUERY)).rows;
    expect(row).toMatchObject({ date: "2026-01-01", startTime: "23:30", countedNote: "Counted on 2 Jan (your time zone then: Not/AZone)" });
    expect(await listOwnSessions(athleteA, 4000)).toHaveLength(1);
  });

  it("a person's zone that is no zone reads as UTC, for them and for their coach", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    await sessionIn(athleteA.id, "UTC", "2026-01-01");
    await db().user.update({ where: { id: athleteA.id }, data: { timeZone: "Not/AZone" } });
    const viewer = await viewerOf(athleteA.id);
    expect(viewer.timeZone).toBe("UTC");
    expect((await listSessionHistory(viewer, DEFAULT_HISTORY_QUERY)).rows).toMatchObject([{ date: "2026-01-01", startTime: "23:30", countedNote: null }]);
    expect(await getSquadTriage(coachA, squadA.id)).toHaveLength(1);
  });
});
