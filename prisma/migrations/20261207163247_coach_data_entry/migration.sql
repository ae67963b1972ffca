-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'REPLY';

-- AlterTable
ALTER TABLE "BackPainReport" ADD COLUMN     "athleteEditedAt" TIMESTAMP(3),
ADD COLUMN     "enteredById" TEXT;

-- AlterTable
ALTER TABLE "CoachComment" ADD COLUMN     "replyToId" TEXT;

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "enteredById" TEXT;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "claimUserId" TEXT;

-- AlterTable
ALTER TABLE "Squad" ADD COLUMN     "wellnessCheckIn" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "TrainingSession" ADD COLUMN     "athleteEditedAt" TIMESTAMP(3),
ADD COLUMN     "enteredById" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "hasLogin" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "WellnessEntry" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "localDate" DATE NOT NULL,
    "sleep" INTEGER NOT NULL,
    "fatigue" INTEGER NOT NULL,
    "soreness" INTEGER NOT NULL,
    "stress" INTEGER NOT NULL,
    "mood" INTEGER NOT NULL,
    "backStiffness" INTEGER NOT NULL,
    "enteredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WellnessEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WellnessEntry_userId_localDate_key" ON "WellnessEntry"("userId", "localDate");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_claimUserId_fkey" FOREIGN KEY ("claimUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackPainReport" ADD CONSTRAINT "BackPainReport_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachComment" ADD CONSTRAINT "CoachComment_replyToId_fkey" FOREIGN KEY ("replyToId") REFERENCES "CoachComment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WellnessEntry" ADD CONSTRAINT "WellnessEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WellnessEntry" ADD CONSTRAINT "WellnessEntry_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Invitation_claimUserId_idx" ON "Invitation"("claimUserId");

-- Wellness check-ins feed a flag: the athlete's computed statuses and views follow them.
CREATE TRIGGER "WellnessEntry_version_ins" AFTER INSERT ON "WellnessEntry" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "WellnessEntry_version_upd" AFTER UPDATE ON "WellnessEntry" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
CREATE TRIGGER "WellnessEntry_version_del" AFTER DELETE ON "WellnessEntry" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_athlete_data_version"();
