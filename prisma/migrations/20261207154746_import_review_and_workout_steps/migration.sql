-- AlterTable
ALTER TABLE "PlannedSession" ADD COLUMN     "steps" JSONB;

-- AlterTable
ALTER TABLE "TrainingSession" ADD COLUMN     "reviewReason" TEXT,
ADD COLUMN     "sourceSport" TEXT,
ADD COLUMN     "timeZone" TEXT;

-- CreateTable
CREATE TABLE "ImportSportChoice" (
    "userId" TEXT NOT NULL,
    "sport" TEXT NOT NULL,
    "type" "SessionType",
    "subType" "CrossTrainingMode",
    "skip" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportSportChoice_pkey" PRIMARY KEY ("userId","sport")
);

-- AddForeignKey
ALTER TABLE "ImportSportChoice" ADD CONSTRAINT "ImportSportChoice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
