import { randomUUID } from "node:crypto";
import type { Db } from "./fixtures";
import { daysFromToday } from "./coach-fixtures";

const newId = () => `e2e${randomUUID().replace(/-/g, "")}`;

type SessionOptions = {
  date: string;
  type?: "RUN" | "CROSS_TRAINING" | "CORE" | "STRENGTH" | "MOBILITY" | "OTHER";
  durationMin: number;
  distanceKm?: number | null;
  rpe?: number | null;
  surface?: string | null;
  shoeId?: string | null;
};

export async function addSession(db: Db, userId: string, o: SessionOptions) {
  await db.query(
    `INSERT INTO "TrainingSession" (id, "userId", "localDate", type, "durationMin", "distanceKm", rpe, surface, "shoeId", "updatedAt")
     VALUES ($1, $2, $3::date, $4::"SessionType", $5, $6, $7, $8::"Surface", $9, now())`,
    [newId(), userId, o.date, o.type ?? "RUN", o.durationMin, o.distanceKm ?? null, o.rpe ?? null, o.surface ?? null, o.shoeId ?? null],
  );
}

export async function addShoe(db: Db, userId: string, name: string, initialKm = 0) {
  const id = newId();
  await db.query(`INSERT INTO "Shoe" (id, "userId", name, "initialKm", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, userId, name, initialKm]);
  return id;
}

/** One zone's weekly check-in, answers as the questionnaire scores them. */
export async function addOstrc(db: Db, userId: string, o: { date: string; weekStart: string; zone: string; q: [number, number, number, number] }) {
  const [q1, q2, q3, q4] = o.q;
  await db.query(
    `INSERT INTO "OstrcResponse" (id, "userId", "weekStart", "localDate", zone, q1, q2, q3, q4, severity, substantial)
     VALUES ($1, $2, $3::date, $4::date, $5::"BackZone", $6, $7, $8, $9, $10, $11)`,
    [newId(), userId, o.weekStart, o.date, o.zone, q1, q2, q3, q4, q1 + q2 + q3 + q4, q2 >= 13 || q3 >= 13 || q1 === 25],
  );
}

/**
 * The athlete's daily totals from their sessions, surfaces included, as the app keeps them when a
 * session is saved (sessions arranged straight in the database skip that step).
 */
export async function rebuildDailyTotals(db: Db, userId: string) {
  await db.query(`DELETE FROM "DailyLoad" WHERE "userId" = $1`, [userId]);
  await db.query(
    `INSERT INTO "DailyLoad" ("userId", "localDate", "sessionCount", "srpeAu", "estimatedRpe", "durationMin", "distanceKm",
       "runKm", "runKmBySurface", "supportSessions", "runSessions", "longestRunKm")
     SELECT s."userId", s."localDate", count(*), sum(coalesce(s.rpe, 5) * s."durationMin"), count(*) FILTER (WHERE s.rpe IS NULL),
       sum(s."durationMin"), sum(coalesce(s."distanceKm", 0)),
       sum(CASE WHEN s.type = 'RUN' THEN coalesce(s."distanceKm", 0) ELSE 0 END),
       (SELECT jsonb_object_agg(x.surface, x.km) FROM (
          SELECT t.surface::text AS surface, sum(coalesce(t."distanceKm", 0)) AS km FROM "TrainingSession" t
          WHERE t."userId" = s."userId" AND t."localDate" = s."localDate" AND t.type = 'RUN' AND t.surface IS NOT NULL
          GROUP BY t.surface) x),
       count(*) FILTER (WHERE s.type IN ('CORE', 'STRENGTH', 'MOBILITY')),
       count(*) FILTER (WHERE s.type = 'RUN'),
       coalesce(max(s."distanceKm") FILTER (WHERE s.type = 'RUN'), 0)
     FROM "TrainingSession" s WHERE s."userId" = $1 GROUP BY s."userId", s."localDate"`,
    [userId],
  );
}

const mondayOf = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};

/**
 * Ten weeks of an athlete's history: easy 8 km runs every other day on two surfaces in one shoe, a
 * weekly core session, then a 20 km run two days ago (a session spike), two pain reports and a
 * check-in. Returns the numbers the charts should show.
 */
export async function seedChartHistory(db: Db, userId: string) {
  const shoeId = await addShoe(db, userId, "Road pair", 50);
  let easyRuns = 0;
  for (let d = -69; d <= -4; d += 2) {
    await addSession(db, userId, { date: daysFromToday(d), durationMin: 48, distanceKm: 8, rpe: 5, surface: d % 4 === 0 ? "ASPHALT" : "TRAIL", shoeId });
    easyRuns++;
  }
  for (let d = -66; d <= -3; d += 7) await addSession(db, userId, { date: daysFromToday(d), type: "CORE", durationMin: 30, rpe: 4 });
  const spikeDate = daysFromToday(-2);
  await addSession(db, userId, { date: spikeDate, durationMin: 120, distanceKm: 20, rpe: 7, surface: "TRAIL", shoeId });
  await db.createPainReport(userId, { date: daysFromToday(-1), zone: "LUMBAR", subArea: "lower-back-centre", nrs: 6 });
  await db.createPainReport(userId, { date: daysFromToday(-20), zone: "DORSAL", subArea: "mid-back", nrs: 3 });
  const checkInDate = daysFromToday(-1);
  await addOstrc(db, userId, { date: checkInDate, weekStart: mondayOf(checkInDate), zone: "LUMBAR", q: [8, 13, 6, 17] });
  await rebuildDailyTotals(db, userId);
  return { shoeTotalKm: 50 + easyRuns * 8 + 20, spikeDate, spikeLoadAu: 120 * 7, checkInDate, ostrcSeverity: 44, painNrs: 6 };
}
