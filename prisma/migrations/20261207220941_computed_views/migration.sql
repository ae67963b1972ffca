-- CreateTable
CREATE TABLE "ComputedView" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "squadId" TEXT,
    "asOf" DATE NOT NULL,
    "codeVersion" TEXT NOT NULL,
    "dataVersion" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComputedView_pkey" PRIMARY KEY ("userId","key")
);

-- CreateTable
CREATE TABLE "StatusRefresh" (
    "userId" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "StatusRefresh_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "ComputedView_asOf_idx" ON "ComputedView"("asOf");

-- CreateIndex
CREATE INDEX "ComputedView_squadId_idx" ON "ComputedView"("squadId");

-- AddForeignKey
ALTER TABLE "ComputedView" ADD CONSTRAINT "ComputedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComputedView" ADD CONSTRAINT "ComputedView_squadId_fkey" FOREIGN KEY ("squadId") REFERENCES "Squad"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusRefresh" ADD CONSTRAINT "StatusRefresh_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every change that moves an athlete's data version (the triggers of "bump_athlete_data_version"), and
-- every change of the thresholds or memberships their statuses are computed with, asks for a refresh of
-- what is computed from their data. Any app process drains the queue; the notification wakes them.
CREATE FUNCTION "request_status_refresh"("athletes" TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StatusRefresh" ("userId", "requestedAt")
  SELECT DISTINCT a, clock_timestamp() AT TIME ZONE 'UTC' FROM unnest("athletes") AS a
  -- A request during a refresh under way ends its lease: the refresh may have read the data before it.
  ON CONFLICT ("userId") DO UPDATE SET "requestedAt" = EXCLUDED."requestedAt", "lockedUntil" = NULL;
  PERFORM pg_notify('status_refresh', '');
END
$$;

CREATE FUNCTION "user_data_version_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "request_status_refresh"(ARRAY[NEW."id"]);
  RETURN NULL;
END
$$;

CREATE TRIGGER "User_status_refresh" AFTER UPDATE OF "dataVersion", "timeZone" ON "User"
FOR EACH ROW WHEN (OLD."dataVersion" IS DISTINCT FROM NEW."dataVersion" OR OLD."timeZone" IS DISTINCT FROM NEW."timeZone")
EXECUTE FUNCTION "user_data_version_moved"();

CREATE FUNCTION "membership_status_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."role" = 'ATHLETE' THEN
    PERFORM "request_status_refresh"(ARRAY[NEW."userId"]);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Membership_status_refresh" AFTER INSERT OR UPDATE OF "thresholds", "role" ON "Membership"
FOR EACH ROW EXECUTE FUNCTION "membership_status_refresh"();

CREATE FUNCTION "squad_status_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "request_status_refresh"(ARRAY(SELECT "userId" FROM "Membership" WHERE "squadId" = NEW."id" AND "role" = 'ATHLETE'));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Squad_status_refresh" AFTER UPDATE OF "thresholds" ON "Squad"
FOR EACH ROW WHEN (OLD."thresholds" IS DISTINCT FROM NEW."thresholds")
EXECUTE FUNCTION "squad_status_refresh"();
