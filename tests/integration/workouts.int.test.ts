import { beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { Decoder, Stream } from "@garmin/fitsdk";
import { unzipSync } from "fflate";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { createPlannedSession, updatePlannedSession } from "@/lib/plans/mutations";
import { getPlannedSessionForEdit } from "@/lib/plans/queries";
import { toDbDate } from "@/lib/dates";
import { addAthlete, twoSquads } from "./factories";
import { INTERVALS } from "@/lib/plans/workout-steps.test-data";

// The route handlers read the signed-in person through this module; tests choose who that is.
const signedIn = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => signedIn.viewer }));

const { GET: coachFitRoute } = await import("@/app/api/exports/squads/[squadId]/athletes/[athleteId]/workouts/[plannedId]/route");
const { GET: coachWeekRoute } = await import("@/app/api/exports/squads/[squadId]/athletes/[athleteId]/workouts/route");
const { GET: ownFitRoute } = await import("@/app/api/exports/me/workouts/[plannedId]/route");
const { GET: ownWeekRoute } = await import("@/app/api/exports/me/workouts/route");


const form = (over: Record<string, unknown> = {}) => ({ type: "RUN", date: "2026-06-10", duration: "50", title: "Intervals", ...over });

async function storedSteps(id: string) {
  return (await db().plannedSession.findUniqueOrThrow({ where: { id }, select: { steps: true } })).steps;
}

beforeEach(() => {
  signedIn.viewer = null;
});

describe("saving workout steps", () => {
  it("saves valid steps through the plan's own mutations, audited as before", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, form({ steps: JSON.stringify(INTERVALS) }));
    expect(await storedSteps(id)).toEqual([
      { type: "warmup", duration: { kind: "time", seconds: 900 }, target: null, note: null },
      {
        type: "repeat",
        count: 6,
        steps: [
          { type: "work", duration: { kind: "distance", metres: 800 }, target: { kind: "rpe", rpe: 8 }, note: null },
          { type: "recovery", duration: { kind: "time", seconds: 120 }, target: null, note: null },
        ],
      },
      { type: "cooldown", duration: { kind: "time", seconds: 600 }, target: null, note: null },
    ]);
    // The coach's duration stays as typed: the steps only offer one.
    expect((await db().plannedSession.findUniqueOrThrow({ where: { id } })).durationMin).toBe(50);

    await updatePlannedSession(coachA, { plannedId: id, ...form({ steps: JSON.stringify([INTERVALS[0]]) }) });
    expect(await storedSteps(id)).toHaveLength(1);
    // A form without the field leaves the steps alone; an empty one removes them.
    await updatePlannedSession(coachA, { plannedId: id, ...form({ title: "Renamed" }) });
    expect(await storedSteps(id)).toHaveLength(1);
    await updatePlannedSession(coachA, { plannedId: id, ...form({ steps: "" }) });
    expect(await storedSteps(id)).toBeNull();
    const { planned } = await getPlannedSessionForEdit(coachA, squadA.id, athleteA.id, id);
    expect(planned.steps).toBeNull();
    expect(await db().auditLog.count({ where: { action: "plan.update", entityId: id } })).toBe(3);
  });

  it("refuses unreadable or out-of-bounds steps with a message for the field, and changes nothing", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, form({ steps: JSON.stringify(INTERVALS) }));
    const before = await db().plannedSession.findUniqueOrThrow({ where: { id } });
    const refused = async (steps: string) => {
      const error = await updatePlannedSession(coachA, { plannedId: id, ...form({ title: "Changed", steps }) }).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fieldErrors;
    };
    expect(await refused("[{oops")).toEqual({ steps: ["The workout steps could not be read: reload the page and build them again"] });
    expect(await refused(JSON.stringify([{ ...INTERVALS[1], count: 51 }]))).toEqual({ "steps.0.count": ["Repeat a block 1 to 50 times"] });
    expect(await refused(JSON.stringify([{ type: "work", duration: { kind: "time", seconds: 60 }, note: "bad\u0007" }]))).toEqual({
      "steps.0.note": ["Remove the control characters from this field"],
    });
    expect(await refused(JSON.stringify(Array.from({ length: 21 }, () => INTERVALS[0])))).toEqual({
      steps: ["A workout holds at most 20 steps and repeat blocks"],
    });
    expect(await db().plannedSession.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db().auditLog.count({ where: { action: "plan.update" } })).toBe(0);
  });

  it("is the squad's coaches' only", async () => {
    const { squadA, coachA, coachB, athleteA } = await twoSquads();
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, form());
    for (const outsider of [coachB, athleteA]) {
      await expect(updatePlannedSession(outsider, { plannedId: id, ...form({ steps: JSON.stringify(INTERVALS) }) })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await storedSteps(id)).toBeNull();
  });
});

describe("workout file routes", () => {
  const get = (path: string) => new NextRequest(new URL(path, "http://backbone.test"));
  const params = <T>(p: T) => ({ params: Promise.resolve(p) });

  const decodeSteps = (bytes: Uint8Array) => {
    const { messages, errors } = new Decoder(Stream.fromByteArray(Array.from(bytes))).read();
    expect(errors).toEqual([]);
    return messages.workoutStepMesgs ?? [];
  };

  async function scene() {
    const world = await twoSquads();
    const { squadA, squadB, coachA, athleteA } = world;
    const { id: plannedId } = await createPlannedSession(coachA, squadA.id, athleteA.id, form({ steps: JSON.stringify(INTERVALS) }));
    await createPlannedSession(coachA, squadA.id, athleteA.id, form({ type: "CORE", date: "2026-06-12", duration: "25", title: "" }));
    // athleteA also trains with squad B, whose sessions squad A's coach does not export.
    await addAthlete(squadB.id, athleteA);
    const other = await db().plannedSession.create({
      data: { squadId: squadB.id, athleteId: athleteA.id, date: toDbDate("2026-06-11"), type: "RUN", durationMin: 30 },
      select: { id: true },
    });
    return { ...world, plannedId, otherSquadPlannedId: other.id };
  }

  it("gives the coach of the squad one session as a FIT file, and outsiders a 404", async () => {
    const { squadA, coachA, coachB, athleteA, athleteB, plannedId, otherSquadPlannedId } = await scene();
    const p = { squadId: squadA.id, athleteId: athleteA.id, plannedId };
    const url = `/api/exports/squads/${squadA.id}/athletes/${athleteA.id}/workouts/${plannedId}`;

    expect((await coachFitRoute(get(url), params(p))).status).toBe(401);
    for (const outsider of [coachB, athleteA, athleteB]) {
      signedIn.viewer = outsider;
      const res = await coachFitRoute(get(url), params(p));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { message: expect.any(String), code: "not_found", status: 404 } });
    }
    signedIn.viewer = coachA;
    // Another squad's session of the same athlete, and ids of no shape, are not found.
    expect((await coachFitRoute(get(url), params({ ...p, plannedId: otherSquadPlannedId }))).status).toBe(404);
    expect((await coachFitRoute(get(url), params({ ...p, plannedId: "../etc" }))).status).toBe(404);
    expect((await coachFitRoute(get(url), params({ ...p, athleteId: athleteB.id }))).status).toBe(404);

    const res = await coachFitRoute(get(url), params(p));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.ant.fit");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="backbone-workout-2026-06-10-intervals.fit"');
    const steps = decodeSteps(new Uint8Array(await res.arrayBuffer()));
    expect(steps.map((s) => s.durationType)).toEqual(["time", "distance", "time", "repeatUntilStepsCmplt", "time"]);
    expect(steps[3]).toMatchObject({ durationStep: 1, repeatSteps: 6 });
    expect(await db().auditLog.findMany({ where: { action: "export.plan" }, select: { actorId: true, subjectUserId: true, meta: true } })).toEqual([
      { actorId: coachA.id, subjectUserId: athleteA.id, meta: { format: "fit", scope: "athlete", plannedId } },
    ]);
  });

  it("zips the coach's week of one athlete, only this squad's sessions", async () => {
    const { squadA, coachA, coachB, athleteA } = await scene();
    const p = { squadId: squadA.id, athleteId: athleteA.id };
    const url = (week: string) => `/api/exports/squads/${squadA.id}/athletes/${athleteA.id}/workouts?week=${week}`;
    signedIn.viewer = coachB;
    expect((await coachWeekRoute(get(url("2026-06-10")), params(p))).status).toBe(404);
    signedIn.viewer = coachA;
    const res = await coachWeekRoute(get(url("2026-06-10")), params(p));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="backbone-workouts-athlete-\d+-week-of-2026-06-08\.zip"$/);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual(["backbone-workout-2026-06-10-intervals.fit", "backbone-workout-2026-06-12-core-25-min.fit"]);
    expect(decodeSteps(files["backbone-workout-2026-06-12-core-25-min.fit"])).toHaveLength(1);
    // A week with nothing planned, and a day that is not one, are explained.
    const empty = await coachWeekRoute(get(url("2026-07-01")), params(p));
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.message).toMatch(/Nothing planned that week/);
    expect((await coachWeekRoute(get(url("2026-02-30")), params(p))).status).toBe(422);
  });

  it("gives the athlete their own sessions from every squad, and nobody else's", async () => {
    const { coachA, athleteA, athleteB, plannedId, otherSquadPlannedId } = await scene();
    const url = `/api/exports/me/workouts/${plannedId}`;
    for (const outsider of [athleteB, coachA]) {
      signedIn.viewer = outsider;
      expect((await ownFitRoute(get(url), params({ plannedId }))).status).toBe(404);
      expect((await ownWeekRoute(get("/api/exports/me/workouts?week=2026-06-10"))).status).toBe(outsider === coachA ? 404 : 422);
    }
    signedIn.viewer = athleteA;
    expect((await ownFitRoute(get(url), params({ plannedId }))).status).toBe(200);
    expect((await ownFitRoute(get(url), params({ plannedId: otherSquadPlannedId }))).status).toBe(200);
    const week = await ownWeekRoute(get("/api/exports/me/workouts?week=2026-06-14"));
    expect(week.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await week.arrayBuffer())))).toHaveLength(3);
  });

  it("does not send a held session to a watch", async () => {
    const { squadA, coachA, athleteA } = await scene();
    await db().planHold.create({ data: { athleteId: athleteA.id, startDate: toDbDate("2026-06-01") } });
    const { id: held } = await createPlannedSession(coachA, squadA.id, athleteA.id, form({ date: "2026-06-20", title: "Held run" }));
    expect((await db().plannedSession.findUniqueOrThrow({ where: { id: held } })).holdId).not.toBeNull();
    signedIn.viewer = athleteA;
    const res = await ownFitRoute(get(`/api/exports/me/workouts/${held}`), params({ plannedId: held }));
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/on hold/);
    expect((await ownWeekRoute(get("/api/exports/me/workouts?week=2026-06-20"))).status).toBe(422);
  });
});
