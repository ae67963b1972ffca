import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db";
import { loadViewer } from "@/lib/auth/permissions";
import { seedDemo, DEMO_COACH_EMAIL } from "@/prisma/demo/seed";
import { getSquadForCoach } from "@/lib/squads/queries";
import { getSquadTriage } from "@/lib/squads/overview";
import { listOwnSessions } from "@/lib/sessions/queries";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { backupEmbedded, backupServer, countRows, dataRows, restoreEmbedded, restoreServer } from "../../scripts/lib/backup";
import { DataDirInUseError, lockDataDir } from "../../scripts/lib/embedded";
import { applyMigrations } from "../../scripts/migrate";
import { createSquadWithCoach, addAthlete } from "./factories";
import { testDatabaseUrl } from "./test-database";

const sourceUrl = testDatabaseUrl();
// A second database beside the test database, dropped before and after: restores go there.
const targetName = `${new URL(sourceUrl).pathname.slice(1)}_restore`;
const targetUrl = (() => {
  const url = new URL(sourceUrl);
  url.pathname = `/${targetName}`;
  return url.toString();
})();
const maintenanceUrl = (() => {
  const url = new URL(sourceUrl);
  url.pathname = "/postgres";
  return url.toString();
})();

async function dropTarget() {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function countsAt(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await countRows(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `fn` with the app's shared client (`db()`, which every query in lib/ uses) on the database at `url`:
 * what a restart with DATABASE_URL pointing there gives.
 */
async function withAppDatabase<T>(url: string, fn: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const holder = globalThis as unknown as { backbonePrisma?: PrismaClient };
  const previous = holder.backbonePrisma;
  const prisma = createPrismaClient(url, 2);
  holder.backbonePrisma = prisma;
  try {
    return await fn(prisma);
  } finally {
    holder.backbonePrisma = previous;
    await prisma.$disconnect();
  }
}

async function viewerByEmail(prisma: PrismaClient, email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const viewer = await loadViewer(prisma, user.id);
  if (!viewer) throw new Error(`no viewer for ${email}`);
  return viewer;
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "backbone-backup-test-"));
});

afterAll(async () => {
  await dropTarget();
  rmSync(dir, { recursive: true, force: true });
});

describe("backups of a Postgres server database", () => {
  it("restores into a second database with every table's rows, and the app's queries read the restored data", async () => {
    await dropTarget();
    const seeded = await seedDemo(db(), { athletes: 2, months: 1 });
    const athleteEmail = seeded.athleteEmails[0];

    const backup = await backupServer({ url: sourceUrl, out: path.join(dir, "server.dump") });
    const sourceCounts = await countsAt(sourceUrl);
    expect(backup.counts).toEqual(sourceCounts);
    expect(dataRows(sourceCounts)).toBeGreaterThan(100);
    expect(backup.bytes).toBeGreaterThan(0);

    const restored = await restoreServer({ url: targetUrl, file: backup.file });
    expect(restored.savedFirst).toBeNull();
    expect(restored.counts).toEqual(sourceCounts);
    expect(await countsAt(targetUrl)).toEqual(sourceCounts);
    expect(restored.migrations).toMatch(/matches this checkout's migrations/);

    // What the app shows from the test database...
    const squadId = seeded.squadId!;
    const coach = await viewerByEmail(db(), DEMO_COACH_EMAIL);
    const athlete = await viewerByEmail(db(), athleteEmail);
    const squadBefore = await getSquadForCoach(coach, squadId);
    const sessionsBefore = await listOwnSessions(athlete);
    expect(sessionsBefore.length).toBeGreaterThan(0);

    // ...it shows from the restored one, read through the same query code.
    await withAppDatabase(targetUrl, async (prisma) => {
      const restoredCoach = await viewerByEmail(prisma, DEMO_COACH_EMAIL);
      expect(restoredCoach).toEqual(coach);
      expect(await getSquadForCoach(restoredCoach, squadId)).toEqual(squadBefore);
      expect(await listOwnSessions(await viewerByEmail(prisma, athleteEmail))).toEqual(sessionsBefore);
      const triage = await getSquadTriage(restoredCoach, squadId);
      expect(triage).toHaveLength(2);
      expect(triage.every((status) => status.lastSessionDate !== null)).toBe(true);
    });
  });

  it("leaves a database that holds data alone unless forced, and then saves its contents first", async () => {
    await dropTarget();
    const { squad } = await createSquadWithCoach("Backed up");
    await addAthlete(squad.id);
    const backup = await backupServer({ url: sourceUrl, out: path.join(dir, "small.dump") });
    await restoreServer({ url: targetUrl, file: backup.file });

    // Data written after the backup: a restore would lose it.
    const client = new pg.Client({ connectionString: targetUrl });
    await client.connect();
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('later', 'later@example.test', 'Later', 'x', now())`,
    );
    await client.end();

    await expect(restoreServer({ url: targetUrl, file: backup.file })).rejects.toThrow(/already holds data .*--force/);
    const withLater = await countsAt(targetUrl);
    expect(withLater.find((c) => c.table === "User")?.rows).toBe(3);

    const saveDir = path.join(dir, "saved");
    const forced = await restoreServer({ url: targetUrl, file: backup.file, force: true, saveDir });
    expect(forced.savedFirst?.file.startsWith(saveDir)).toBe(true);
    expect(existsSync(forced.savedFirst!.file)).toBe(true);
    expect(forced.savedFirst?.counts).toEqual(withLater);
    expect(await countsAt(targetUrl)).toEqual(backup.counts);
  });
});

describe("backups of the embedded database", () => {
  it("loads a data directory's tarball into a new directory with every table's rows, keeping an existing one aside", async () => {
    const dataDir = path.join(dir, "pglite");
    const pglite = await PGlite.create(dataDir);
    const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 4 });
    await server.start();
    const url = `postgresql://postgres@${server.getServerConn()}/postgres`;
    try {
      await applyMigrations(url);
      // Through the app's client, as the app writes.
      const prisma = createPrismaClient(url, 1);
      try {
        const coach = await prisma.user.create({ data: { email: "coach@example.test", name: "Coach", passwordHash: "x" } });
        const athlete = await prisma.user.create({ data: { email: "athlete@example.test", name: "Athlete", passwordHash: "x" } });
        await prisma.squad.create({
          data: {
            name: "Embedded",
            createdById: coach.id,
            memberships: { create: [{ userId: coach.id, role: "COACH", isOwner: true }, { userId: athlete.id, role: "ATHLETE" }] },
          },
        });
        await prisma.trainingSession.createMany({
          data: Array.from({ length: 30 }, (_, day) => ({
            userId: athlete.id,
            type: "RUN" as const,
            localDate: new Date(Date.UTC(2026, 10, day + 1)),
            startTime: new Date(Date.UTC(2026, 10, day + 1, 7)),
            durationMin: 40 + day,
            rpe: 5,
          })),
        });
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await server.stop();
    }
    const written = await countRows(pglite);
    await pglite.close();
    expect(dataRows(written)).toBeGreaterThanOrEqual(35);

    // A running Backbone holds the directory's lock: neither command opens it then.
    const lock = lockDataDir(dataDir, "a test standing in for npm start");
    await expect(backupEmbedded({ dataDir, out: path.join(dir, "refused.tar.gz") })).rejects.toThrow(DataDirInUseError);
    lock.release();

    const backup = await backupEmbedded({ dataDir, out: path.join(dir, "embedded.tar.gz") });
    expect(backup.counts).toEqual(written);

    const restoredDir = path.join(dir, "restored", "pglite");
    const first = await restoreEmbedded({ dataDir: restoredDir, file: backup.file });
    expect(first.keptAside).toBeNull();
    expect(first.counts).toEqual(written);
    expect(first.migrations).toMatch(/matches this checkout's migrations/);

    const again = await restoreEmbedded({ dataDir: restoredDir, file: backup.file });
    expect(again.keptAside).toMatch(/restored\/pglite\.before-restore-\d{8}-\d{6}/);
    expect(existsSync(path.join(again.keptAside!, "PG_VERSION"))).toBe(true);

    const reopened = await PGlite.create(restoredDir);
    try {
      expect(await countRows(reopened)).toEqual(written);
    } finally {
      await reopened.close();
    }
  });
});
