import type { Db } from "./fixtures";

/**
 * Writes the athlete's daily totals from their sessions, as the app does when a session is logged
 * (sessions arranged straight in the database skip that step). Sessions without an RPE count at 5.
 */
export async function rebuildDailyLoads(db: Db, userId: string) {
  await db.query(`DELETE FROM "DailyLoad" WHERE "userId" = $1`, [userId]);
  await db.query(
    `INSERT INTO "DailyLoad" ("userId", "localDate", "sessionCount", "srpeAu", "estimatedRpe", "durationMin", "distanceKm",
       "runKm", "supportSessions", "runSessions", "longestRunKm")
     SELECT "userId", "localDate", count(*), sum(coalesce(rpe, 5) * "durationMin"), count(*) FILTER (WHERE rpe IS NULL),
       sum("durationMin"), sum(coalesce("distanceKm", 0)),
       sum(CASE WHEN type = 'RUN' THEN coalesce("distanceKm", 0) ELSE 0 END),
       count(*) FILTER (WHERE type IN ('CORE', 'STRENGTH', 'MOBILITY')),
       count(*) FILTER (WHERE type = 'RUN'),
       coalesce(max("distanceKm") FILTER (WHERE type = 'RUN'), 0)
     FROM "TrainingSession" WHERE "userId" = $1 GROUP BY "userId", "localDate"`,
    [userId],
  );
}
