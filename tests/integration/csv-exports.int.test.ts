import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import { createFeedToken } from "@/lib/calendar/feeds";
import { toDbDate } from "@/lib/dates";
import { addAthlete, createSquadWithCoach, viewerOf } from "./factories";

// The route handlers read the signed-in person through this module; the test chooses who that is.
const signedIn = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({
  getViewer: async () => signedIn.viewer,
  requireViewer: async () => signedIn.viewer,
}));

const APP = path.resolve(__dirname, "../../app");

/** Every route handler of the app, by the address its folders give it. */
function routeFiles(dir = APP, prefix = ""): { route: string; file: string }[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full, prefix + (/^\(.*\)$/.test(entry) ? "" : `/${entry}`));
    return /^route\.tsx?$/.test(entry) ? [{ route: prefix, file: full }] : [];
  });
}

// Auth.js's own endpoints (sign-in, session, CSRF) answer JSON and redirects, never a file.
const NOT_FILES = new Set(["/api/auth/[...nextauth]"]);

// What spreadsheet programs run as a formula (OWASP's list), each planted in a different text field.
const HOSTILE = [
  '=HYPERLINK("http://x","y")',
  "+SUM(1,2)",
  '-2+3+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  "\t=1+1",
  "\r=1+1",
  "  =1+2",
  "\n=1+3",
];
const hostile = (i: number) => `${HOSTILE[i % HOSTILE.length]} #${i}`;

const FROM = "2026-06-01";
const TO = "2026-06-30";
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** A squad whose every text field that an export can carry holds a formula. */
async function hostileWorld() {
  let n = 0;
  const next = () => hostile(n++);
  const { coach, squad } = await createSquadWithCoach();
  const athlete = await addAthlete(squad.id);
  await db().user.update({ where: { id: athlete.id }, data: { name: next() } });
  await db().squad.update({ where: { id: squad.id }, data: { name: next() } });
  const shoe = await db().shoe.create({ data: { userId: athlete.id, name: next(), brand: next() }, select: { id: true } });
  await db().trainingSession.create({
    data: {
      userId: athlete.id,
      localDate: toDbDate("2026-06-10"),
      type: "RUN",
      durationMin: 40,
      distanceKm: 8,
      // A descent is a negative number, written as one.
      elevationGainM: -12.5,
      rpe: 5,
      shoeId: shoe.id,
      notes: next(),
      externalId: next(),
    },
  });
  await db().backPainReport.create({
    data: { userId: athlete.id, localDate: toDbDate("2026-06-11"), zone: "LUMBAR", nrs: 4, subArea: next(), notes: next(), redFlags: [next()] },
  });
  await db().plannedSession.create({
    data: {
      squadId: squad.id,
      athleteId: athlete.id,
      date: toDbDate("2026-06-12"),
      type: "CORE",
      durationMin: 25,
      title: next(),
      description: next(),
      flagId: next(),
      reason: next(),
    },
  });
  const planted = Array.from({ length: n }, (_, i) => hostile(i));
  return { coach: await viewerOf(coach.id), athlete: await viewerOf(athlete.id), squad, planted };
}

type CsvFile = { source: string; rows: string[][] };

/** The CSV files in a route's answer: the body itself, or the .csv entries of a zip. */
async function csvFilesOf(source: string, response: Response): Promise<CsvFile[]> {
  const type = response.headers.get("content-type") ?? "";
  const read = (text: string) => parse(text, { bom: true, relax_column_count: false }) as string[][];
  if (type.startsWith("text/csv")) return [{ source, rows: read(await response.text()) }];
  if (type.startsWith("application/zip")) {
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    return Object.entries(files)
      .filter(([name]) => name.endsWith(".csv"))
      .map(([name, bytes]) => ({ source: `${source} ${name}`, rows: read(strFromU8(bytes)) }));
  }
  return [];
}

describe("every CSV the app writes", () => {
  it("makes every planted formula inert, in every CSV-producing route, whoever downloads it", async () => {
    const world = await hostileWorld();
    const feedToken = await createFeedToken(world.athlete);
    const params: Record<string, string> = { squadId: world.squad.id, athleteId: world.athlete.id, token: feedToken };
    const queries = [`from=${FROM}&to=${TO}&format=csv`, `from=${FROM}&to=${TO}&format=csv&athleteId=${world.athlete.id}`];

    const files: CsvFile[] = [];
    const csvRoutes = new Set<string>();
    for (const { route, file } of routeFiles()) {
      if (NOT_FILES.has(route)) continue;
      const mod = (await import(file)) as { GET?: (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response> };
      if (!mod.GET) continue;
      const routeParams = Object.fromEntries([...route.matchAll(/\[([^\]]+)\]/g)].map((m) => [m[1], params[m[1]] ?? "unknown"]));
      const url = route.replace(/\[([^\]]+)\]/g, (_, name: string) => routeParams[name]);
      for (const viewer of [world.coach, world.athlete]) {
        for (const query of queries) {
          signedIn.viewer = viewer;
          const response = await mod.GET(new NextRequest(`http://localhost${url}?${query}`), { params: Promise.resolve(routeParams) });
          const found = await csvFilesOf(`${route} as ${viewer === world.coach ? "coach" : "athlete"}`, response);
          if (found.length) csvRoutes.add(route);
          files.push(...found);
        }
      }
    }

    // Discovery reached the routes known to write CSV; a route whose code mentions CSV but answered none
    // here (it needs a parameter this test does not know) fails the test until it is reached.
    const mentionsCsv = routeFiles()
      .filter(({ route, file }) => !NOT_FILES.has(route) && /text\/csv|"csv"|[a-z]Csv\(|buildPersonalDataZip|planFileResponse/.test(readFileSync(file, "utf8")))
      .map((r) => r.route);
    expect([...csvRoutes].sort()).toEqual(
      expect.arrayContaining(["/api/account/export", "/api/exports/me/plan", "/api/exports/squads/[squadId]/athletes/[athleteId]/history", "/api/exports/squads/[squadId]/plan"]),
    );
    expect([...csvRoutes].sort()).toEqual([...new Set(mentionsCsv)].sort());

    const cells = files.flatMap((f) => f.rows.flatMap((row, r) => row.map((cell, c) => ({ where: `${f.source} row ${r + 1} column ${c + 1}`, cell }))));
    const formulas = cells.filter(({ cell }) => /^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell)).map(({ where, cell }) => `${where}: ${JSON.stringify(cell)}`);
    expect(formulas).toEqual([]);
    // Whitespace before a formula character is skipped by some programs: none of those either.
    expect(cells.filter(({ cell }) => /^\s+[=+\-@]/.test(cell)).map(({ where }) => where)).toEqual([]);

    // Each planted value did reach a file (escaped), so the checks above had something to check.
    const reached = world.planted.filter((value) => cells.some(({ cell }) => cell.includes(value)));
    expect(reached).toEqual(world.planted);
    const escaped = cells.filter(({ cell }) => cell.startsWith("'")).length;
    expect(escaped).toBeGreaterThanOrEqual(world.planted.length);
  });

  it("keeps numbers numbers, negative ones included, and writes them unquoted", async () => {
    const world = await hostileWorld();
    signedIn.viewer = world.athlete;
    const { GET } = await import("@/app/api/account/export/route");
    const [sessions] = (await csvFilesOf("export", await GET(new Request("http://localhost/api/account/export")))).filter((f) => f.source.endsWith("sessions.csv"));
    const header = sessions.rows[0];
    const row = sessions.rows[1];
    expect(row[header.indexOf("duration_min")]).toBe("40");
    expect(row[header.indexOf("distance_km")]).toBe("8");
    expect(row[header.indexOf("elevation_gain_m")]).toBe("-12.5");
  });
});
