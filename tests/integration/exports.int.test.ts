import { beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { createSession } from "@/lib/sessions/mutations";
import { getHistoryExport, getOwnPlanExport, getSquadPlanExport } from "@/lib/exports/queries";
import { historyCsv } from "@/lib/exports/history-csv";
import { planCsv } from "@/lib/exports/plan-csv";
import { toDbDate } from "@/lib/dates";
import { pdfPlainText } from "../../e2e/pdf-text";
import { addAthlete, twoSquads, viewerOf } from "./factories";

// The route handlers read the signed-in person through this module; tests choose who that is.
const signedIn = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => signedIn.viewer }));

const { GET: squadPlanRoute } = await import("@/app/api/exports/squads/[squadId]/plan/route");
const { GET: historyRoute } = await import("@/app/api/exports/squads/[squadId]/athletes/[athleteId]/history/route");
const { GET: ownPlanRoute } = await import("@/app/api/exports/me/plan/route");

const NOW = new Date("2026-06-15T12:00:00Z");
const FMT = { format: "csv" };

async function plan(squadId: string, athleteId: string, date: string, over: Record<string, unknown> = {}) {
  return db().plannedSession.create({
    data: { squadId, athleteId, date: toDbDate(date), type: "CORE", durationMin: 25, ...over },
    select: { id: true },
  });
}

const readCsv = (text: string) => parse(text, { columns: true, bom: true }) as Record<string, string>[];

beforeEach(() => {
  signedIn.viewer = null;
});

describe("plan exports: who may", () => {
  it("is the squad's coaches' only, and only for athletes of that squad", async () => {
    const { squadA, squadB, coachA, coachB, athleteA, athleteB } = await twoSquads();
    const range = { from: "2026-06-01", to: "2026-06-30" };
    for (const outsider of [coachB, athleteA, athleteB]) {
      await expect(getSquadPlanExport(outsider, squadA.id, range, FMT)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getSquadPlanExport(outsider, squadA.id, { ...range, athleteId: athleteA.id }, FMT)).rejects.toBeInstanceOf(NotFoundError);
    }
    // An athlete of another squad, and a coach of this one, are not athletes of the squad.
    await expect(getSquadPlanExport(coachA, squadA.id, { ...range, athleteId: athleteB.id }, FMT)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSquadPlanExport(coachA, squadA.id, { ...range, athleteId: coachA.id }, FMT)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSquadPlanExport(coachA, squadB.id, range, FMT)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSquadPlanExport(coachA, squadA.id, { ...range, athleteId: athleteA.id }, FMT)).resolves.toBeDefined();
    // Coaches have no plan of their own to export.
    await expect(getOwnPlanExport(coachA, range, FMT)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().auditLog.count({ where: { action: "export.plan" } })).toBe(1);
  });

  it("keeps history to the coaches of a squad the athlete is in", async () => {
    const { squadA, coachA, coachB, athleteA, athleteB } = await twoSquads();
    const range = { from: "2026-06-01", to: "2026-06-14" };
    for (const outsider of [coachB, athleteA, athleteB]) {
      await expect(getHistoryExport(outsider, squadA.id, athleteA.id, range)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getHistoryExport(coachA, squadA.id, athleteB.id, range)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getHistoryExport(coachA, squadA.id, coachA.id, range)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().auditLog.count({ where: { action: "export.history" } })).toBe(0);
  });
});

describe("plan exports: contents", () => {
  it("holds the squad's planned sessions, with whose each is, and none of another squad", async () => {
    const { squadA, squadB, coachA, athleteA } = await twoSquads();
    const second = await addAthlete(squadA.id);
    // athleteA also trains with squad B, whose plan is not squad A's coach's to export.
    await addAthlete(squadB.id, athleteA);
    await plan(squadA.id, athleteA.id, "2026-06-03", {
      title: 'Core, "hollow" holds',
      description: "Dead bug\nSide plank, 3 x 30 s",
      origin: "SUGGESTION",
      flagId: "compensatory-deficit",
      reason: "Fewer than 2 core sessions in 14 days",
    });
    await plan(squadA.id, second.id, "2026-06-02", { type: "RUN", durationMin: 60, distanceKm: 12, title: "Steady run" });
    await plan(squadA.id, athleteA.id, "2026-07-01");
    await plan(squadB.id, athleteA.id, "2026-06-04", { title: "Squad B session" });

    const exported = await getSquadPlanExport(coachA, squadA.id, { from: "2026-06-01", to: "2026-06-30" }, { format: "csv" });
    expect(exported.multiAthlete).toBe(true);
    expect(exported.rows.map((r) => [r.date, r.athleteId])).toEqual([
      ["2026-06-02", second.id],
      ["2026-06-03", athleteA.id],
    ]);
    const rows = readCsv(planCsv(exported.rows));
    expect(rows[1]).toMatchObject({
      date: "2026-06-03",
      weekday: "Wednesday",
      title: 'Core, "hollow" holds',
      description: "Dead bug\nSide plank, 3 x 30 s",
      flag: "compensatory-deficit",
      reason: "Fewer than 2 core sessions in 14 days",
      squad: squadA.name,
    });

    const one = await getSquadPlanExport(coachA, squadA.id, { from: "2026-06-01", to: "2026-06-30", athleteId: athleteA.id }, { format: "pdf" });
    expect(one.multiAthlete).toBe(false);
    expect(one.rows.map((r) => r.date)).toEqual(["2026-06-03"]);

    const audit = await db().auditLog.findMany({ where: { action: "export.plan" }, orderBy: { createdAt: "asc" } });
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actorId === coachA.id && a.squadId === squadA.id)).toBe(true);
    expect(new Set(audit.slice(0, 2).map((a) => a.subjectUserId))).toEqual(new Set([athleteA.id, second.id]));
    expect(audit[2]).toMatchObject({ subjectUserId: athleteA.id, meta: { from: "2026-06-01", to: "2026-06-30", format: "pdf", scope: "athlete" } });
  });

  it("gives an athlete their own plan from every squad", async () => {
    const { squadA, squadB, athleteA } = await twoSquads();
    await addAthlete(squadB.id, athleteA);
    await plan(squadA.id, athleteA.id, "2026-06-03");
    await plan(squadB.id, athleteA.id, "2026-06-04");
    const me = await viewerOf(athleteA.id);
    const exported = await getOwnPlanExport(me, { from: "2026-06-01", to: "2026-06-07" }, { format: "pdf" });
    expect(exported.rows.map((r) => r.squadName).sort()).toEqual([squadA.name, squadB.name].sort());
    expect(await db().auditLog.findFirst({ where: { action: "export.plan" } })).toMatchObject({ actorId: athleteA.id, subjectUserId: athleteA.id });
  });
});

describe("history export: contents", () => {
  it("has one row per day with load and metrics from the daily totals, and the day's worst pain", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    await createSession(athleteA, { type: "RUN", date: "2026-06-10", duration: "50", distance: "10", rpe: "6" }, NOW);
    await createSession(athleteA, { type: "CORE", date: "2026-06-10", duration: "20", rpe: "4" }, NOW);
    await createSession(athleteA, { type: "RUN", date: "2026-05-20", duration: "40", distance: "8", rpe: "5" }, NOW);
    await db().backPainReport.createMany({
      data: [
        { userId: athleteA.id, localDate: toDbDate("2026-06-11"), zone: "LUMBAR", nrs: 5 },
        { userId: athleteA.id, localDate: toDbDate("2026-06-11"), zone: "CERVICAL", nrs: 5 },
        { userId: athleteA.id, localDate: toDbDate("2026-06-11"), zone: "DORSAL", nrs: 2 },
        { userId: athleteA.id, localDate: toDbDate("2026-06-20"), zone: "LUMBAR", nrs: 9 },
      ],
    });
    await db().ostrcResponse.create({
      data: { userId: athleteA.id, weekStart: toDbDate("2026-06-08"), localDate: toDbDate("2026-06-12"), zone: "LUMBAR", q1: 8, q2: 6, q3: 0, q4: 0, severity: 14, substantial: false },
    });

    const history = await getHistoryExport(coachA, squadA.id, athleteA.id, { from: "2026-06-08", to: "2026-06-14" });
    expect(history.days.map((d) => d.date)).toEqual(["2026-06-08", "2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12", "2026-06-13", "2026-06-14"]);
    const load = 50 * 6 + 20 * 4;
    const earlier = 40 * 5;
    expect(history.days[2]).toMatchObject({ sessions: 2, loadAu: load, durationMin: 70, runKm: 10 });
    // Means count days without sessions as zero; 2026-05-20 is inside the 28 days ending on the 14th.
    expect(history.days[6].acuteMean7).toBe(Math.round((load / 7) * 10) / 10);
    expect(history.days[6].chronicMean28).toBe(Math.round(((load + earlier) / 28) * 10) / 10);
    expect(history.days[6].acwrEwma).toEqual(expect.any(Number));
    expect(history.days[6].monotony).toEqual(expect.any(Number));
    expect(history.days[3]).toMatchObject({ sessions: 0, loadAu: 0, painNrs: 5, painZones: ["CERVICAL", "LUMBAR"] });
    expect(history.days[4]).toMatchObject({ painNrs: null, ostrcSeverity: 14 });

    const rows = readCsv(historyCsv(history.days));
    expect(rows).toHaveLength(7);
    expect(rows[3]).toMatchObject({ date: "2026-06-11", worst_pain_nrs: "5", pain_zones: "cervical lumbar", srpe_load_au: "0" });
    expect(rows[2]).toMatchObject({ sessions: "2", srpe_load_au: String(load), run_km: "10", duration_min: "70" });

    const audit = await db().auditLog.findMany({ where: { action: "export.history" } });
    expect(audit).toEqual([expect.objectContaining({ actorId: coachA.id, squadId: squadA.id, subjectUserId: athleteA.id })]);
  });
});

describe("export routes", () => {
  const get = (path: string) => new NextRequest(new URL(path, "http://backbone.test"));
  const params = <T>(p: T) => ({ params: Promise.resolve(p) });

  it("answers 401, 404 and 422 as JSON and files with a download name", async () => {
    const { squadA, coachA, coachB, athleteA } = await twoSquads();
    await plan(squadA.id, athleteA.id, "2026-06-03", { title: "Hip bridges" });
    const url = `/api/exports/squads/${squadA.id}/plan?from=2026-06-01&to=2026-06-30`;

    let res = await squadPlanRoute(get(`${url}&format=csv`), params({ squadId: squadA.id }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { message: "Please log in", code: "unauthenticated", status: 401 } });

    signedIn.viewer = coachB;
    res = await squadPlanRoute(get(`${url}&format=csv`), params({ squadId: squadA.id }));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
    // Outsiders get 404 even with parameters that would not validate.
    res = await squadPlanRoute(get(`/api/exports/squads/${squadA.id}/plan?format=doc`), params({ squadId: squadA.id }));
    expect(res.status).toBe(404);
    res = await historyRoute(get(`/x?from=2026-06-01&to=2026-06-02`), params({ squadId: squadA.id, athleteId: athleteA.id }));
    expect(res.status).toBe(404);

    signedIn.viewer = coachA;
    res = await squadPlanRoute(get(`/x?from=2026-06-30&to=2026-06-01&format=csv`), params({ squadId: squadA.id }));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: { message: "To must be on or after From", code: "validation", status: 422 } });
    res = await historyRoute(get(`/x?from=2025-01-01&to=2026-06-01`), params({ squadId: squadA.id, athleteId: athleteA.id }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/at most 366 days/);

    res = await squadPlanRoute(get(`${url}&format=csv&athleteId=${athleteA.id}`), params({ squadId: squadA.id }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="backbone-plan-athlete-\d+-2026-06-01-to-2026-06-30\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    res = await squadPlanRoute(get(`${url}&format=ics`), params({ squadId: squadA.id }));
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const events = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toEqual([expect.stringMatching(/^Athlete \d+: Hip bridges \(Core, 25 min\)$/)]);

    res = await squadPlanRoute(get(`${url}&format=pdf`), params({ squadId: squadA.id }));
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // A squad's plan puts each athlete on their own page, named at the top.
    expect(pdfPlainText(pdf)).toMatch(/^Athlete \d+ Training plan: .* Hip bridges \(Core, 25 min\)/);

    res = await historyRoute(get(`/x?from=2026-06-01&to=2026-06-10`), params({ squadId: squadA.id, athleteId: athleteA.id }));
    expect(res.status).toBe(200);
    expect(readCsv(await res.text())).toHaveLength(10);

    // The athlete's own plan: not for coaches; CSV and PDF only.
    res = await ownPlanRoute(get(`/x?from=2026-06-01&to=2026-06-30&format=csv`));
    expect(res.status).toBe(404);
    signedIn.viewer = athleteA;
    res = await ownPlanRoute(get(`/x?from=2026-06-01&to=2026-06-30&format=ics`));
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toBe("Format must be one of: csv, pdf");
    res = await ownPlanRoute(get(`/x?from=2026-06-01&to=2026-06-30&format=csv`));
    expect(res.status).toBe(200);
    expect(readCsv(await res.text()).map((r) => r.title)).toEqual(["Hip bridges"]);
  });

  describe("errors opened in a browser", () => {
    const BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    const open = (path: string, headers: Record<string, string>) =>
      new NextRequest(new URL(path, "http://backbone.test"), { headers: { host: "backbone.test", ...headers } });

    it("are a page with the message and the same status; API clients still get JSON", async () => {
      const { squadA, coachA, coachB, athleteA } = await twoSquads();
      const tooLong = `/api/exports/squads/${squadA.id}/plan?from=2025-01-01&to=2026-06-30&format=csv`;

      signedIn.viewer = coachA;
      let res = await squadPlanRoute(open(tooLong, { accept: BROWSER, referer: `http://backbone.test/coach/squads/${squadA.id}/plan` }), params({ squadId: squadA.id }));
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-disposition")).toBeNull();
      let html = await res.text();
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain("The range covers 546 days; export at most 366 days at a time");
      expect(html).toContain(`<a href="/coach/squads/${squadA.id}/plan">Go back</a>`);
      expect(html).not.toContain("<script");

      res = await squadPlanRoute(open(tooLong, { accept: "application/json" }), params({ squadId: squadA.id }));
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({
        error: { message: "The range covers 546 days; export at most 366 days at a time", code: "validation", status: 422 },
      });

      // A navigation with no Accept preference is a browser too; a link from another site leads home.
      signedIn.viewer = coachB;
      res = await historyRoute(
        open(`/x?from=2026-06-01&to=2026-06-02`, { "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", referer: "https://elsewhere.example/" }),
        params({ squadId: squadA.id, athleteId: athleteA.id }),
      );
      expect(res.status).toBe(404);
      html = await res.text();
      expect(html).toContain("Error 404");
      expect(html).toContain('<a href="/">Go to the home page</a>');
      res = await historyRoute(open(`/x?from=2026-06-01&to=2026-06-02`, {}), params({ squadId: squadA.id, athleteId: athleteA.id }));
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");

      signedIn.viewer = null;
      res = await ownPlanRoute(open(`/x?from=2026-06-01&to=2026-06-30&format=csv`, { accept: BROWSER }));
      expect(res.status).toBe(401);
      expect(await res.text()).toContain("Please log in");
    });
  });
});
