-- A planned session dated on or after the start of an athlete's active plan hold (a red-flag report not yet
-- cleared) is held as it is written, whatever writes it: a coach's form, a template, a suggestion, an import.
-- Kept by a trigger so no write path can forget it. A session already held keeps its hold.
-- Every such write takes the athlete's plan-hold lock in shared mode. A red-flag report, a clearance and a
-- release take it exclusively (lib/safety/queries.ts lockPlanHold), so a session planned while a hold is
-- being written waits for it and is held, instead of slipping past it unseen.
CREATE FUNCTION "hold_planned_session"() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER "PlannedSession_hold" BEFORE INSERT OR UPDATE OF "date", "holdId" ON "PlannedSession"
  FOR EACH ROW EXECUTE FUNCTION "hold_planned_session"();
