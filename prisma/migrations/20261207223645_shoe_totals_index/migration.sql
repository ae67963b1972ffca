-- DropIndex
DROP INDEX "TrainingSession_shoeId_idx";

-- CreateIndex
CREATE INDEX "TrainingSession_shoeId_localDate_type_distanceKm_idx" ON "TrainingSession"("shoeId", "localDate", "type", "distanceKm");
