-- Every write of a planned session takes the athlete's plan-hold lock in shared mode. A red-flag report,
-- a clearance and a release take it exclusively (lib/safety/queries.ts lockPlanHold), so a session planned
-- while a hold is being written waits for it and is held, instead of slipping past it unseen.
CREATE OR REPLACE FUNCTION "hold_planned_session"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('plan-hold:' || NEW."athleteId"));
  IF NEW."holdId" IS NULL THEN
    SELECT h."id" INTO NEW."holdId"
    FROM "PlanHold" h
    WHERE h."athleteId" = NEW."athleteId" AND h."clearanceId" IS NULL AND h."releasedAt" IS NULL AND h."startDate" <= NEW."date"
    ORDER BY h."startDate", h."createdAt"
    LIMIT 1;
  END IF;
  RETURN NEW;
END
$$;
