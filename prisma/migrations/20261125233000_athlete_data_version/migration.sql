-- A counter per athlete that every change to the data behind their flags moves, so computed statuses
-- can be kept and reused until it moves. Kept by triggers, so every write path (forms, imports, bulk
-- inserts, the seed) moves it without having to remember to.
ALTER TABLE "User" ADD COLUMN "dataVersion" INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION "bump_athlete_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (SELECT DISTINCT "userId" FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "User" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (SELECT DISTINCT "userId" FROM old_rows);
  ELSE
    UPDATE "User" SET "dataVersion" = "dataVersion" + 1
    WHERE "id" IN (SELECT "userId" FROM new_rows UNION SELECT "userId" FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "TrainingSession_version_ins" AFTER INSERT ON "TrainingSession" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "TrainingSession_version_upd" AFTER UPDATE ON "TrainingSession" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "TrainingSession_version_del" AFTER DELETE ON "TrainingSession" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();

CREATE TRIGGER "BackPainReport_version_ins" AFTER INSERT ON "BackPainReport" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "BackPainReport_version_upd" AFTER UPDATE ON "BackPainReport" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "BackPainReport_version_del" AFTER DELETE ON "BackPainReport" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();

CREATE TRIGGER "OstrcResponse_version_ins" AFTER INSERT ON "OstrcResponse" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "OstrcResponse_version_upd" AFTER UPDATE ON "OstrcResponse" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "OstrcResponse_version_del" AFTER DELETE ON "OstrcResponse" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();

CREATE TRIGGER "AthleteProfile_version_ins" AFTER INSERT ON "AthleteProfile" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "AthleteProfile_version_upd" AFTER UPDATE ON "AthleteProfile" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "AthleteProfile_version_del" AFTER DELETE ON "AthleteProfile" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();

CREATE TRIGGER "Shoe_version_ins" AFTER INSERT ON "Shoe" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "Shoe_version_upd" AFTER UPDATE ON "Shoe" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "Shoe_version_del" AFTER DELETE ON "Shoe" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
