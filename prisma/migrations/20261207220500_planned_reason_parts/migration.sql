-- AlterTable
ALTER TABLE "PlannedSession" ADD COLUMN     "reasonParts" JSONB;
