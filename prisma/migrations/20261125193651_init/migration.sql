-- CreateEnum
CREATE TYPE "Role" AS ENUM ('COACH', 'ATHLETE');

-- CreateEnum
CREATE TYPE "UnitPreference" AS ENUM ('KM', 'MI');

-- CreateEnum
CREATE TYPE "LoadMeasure" AS ENUM ('SRPE', 'KM', 'MIN');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED');

-- CreateEnum
CREATE TYPE "FootprintType" AS ENUM ('NEUTRAL', 'PRONATOR', 'SUPINATOR', 'UNASSESSED');

-- CreateEnum
CREATE TYPE "PostureLoad" AS ENUM ('DESK', 'STANDING', 'LIFTING');

-- CreateEnum
CREATE TYPE "CurvatureFinding" AS ENUM ('CERVICAL_HYPERLORDOSIS', 'LUMBAR_HYPERLORDOSIS', 'DORSAL_HYPERKYPHOSIS', 'SCOLIOSIS');

-- CreateEnum
CREATE TYPE "SessionType" AS ENUM ('RUN', 'CROSS_TRAINING', 'CORE', 'STRENGTH', 'MOBILITY', 'OTHER');

-- CreateEnum
CREATE TYPE "CrossTrainingMode" AS ENUM ('CYCLING', 'SWIMMING', 'ELLIPTICAL', 'AQUA_JOGGING', 'ROWING', 'OTHER');

-- CreateEnum
CREATE TYPE "Surface" AS ENUM ('ASPHALT', 'TRACK', 'TRAIL', 'GRASS', 'SAND', 'TREADMILL', 'MIXED');

-- CreateEnum
CREATE TYPE "SessionSource" AS ENUM ('MANUAL', 'FIT', 'GPX', 'TCX', 'STRAVA', 'GARMIN', 'DEMO');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEWED', 'COMMITTED', 'FAILED');

-- CreateEnum
CREATE TYPE "BackZone" AS ENUM ('CERVICAL', 'DORSAL', 'LUMBAR');

-- CreateEnum
CREATE TYPE "PainSide" AS ENUM ('LEFT', 'RIGHT', 'CENTRAL', 'BOTH');

-- CreateEnum
CREATE TYPE "PainTiming" AS ENUM ('DURING_RUN', 'AFTER_RUN', 'MORNING', 'NIGHT', 'CONSTANT');

-- CreateEnum
CREATE TYPE "PlanOrigin" AS ENUM ('COACH', 'SUGGESTION', 'TEMPLATE');

-- CreateEnum
CREATE TYPE "FlagAckStatus" AS ENUM ('ACKNOWLEDGED', 'RESOLVED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "unitPreference" "UnitPreference" NOT NULL DEFAULT 'KM',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Squad" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "loadMeasure" "LoadMeasure" NOT NULL DEFAULT 'SRPE',
    "thresholds" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Squad_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "squadId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "isOwner" BOOLEAN NOT NULL DEFAULT false,
    "thresholds" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "squadId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AthleteProfile" (
    "userId" TEXT NOT NULL,
    "birthDate" DATE,
    "sex" "Sex" NOT NULL DEFAULT 'UNDISCLOSED',
    "heightCm" DOUBLE PRECISION,
    "weightKg" DOUBLE PRECISION,
    "footprintType" "FootprintType" NOT NULL DEFAULT 'UNASSESSED',
    "legLengthDiscrepancyMm" DOUBLE PRECISION,
    "postureLoad" "PostureLoad"[],
    "curvatureFindings" "CurvatureFinding"[],
    "injuryHistory" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AthleteProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Shoe" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "brand" TEXT,
    "initialKm" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "startedOn" DATE,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shoe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "localDate" DATE NOT NULL,
    "startTime" TIMESTAMP(3),
    "type" "SessionType" NOT NULL,
    "subType" "CrossTrainingMode",
    "durationMin" DOUBLE PRECISION NOT NULL,
    "movingMin" DOUBLE PRECISION,
    "distanceKm" DOUBLE PRECISION,
    "elevationGainM" DOUBLE PRECISION,
    "rpe" INTEGER,
    "avgHr" INTEGER,
    "surface" "Surface",
    "shoeId" TEXT,
    "source" "SessionSource" NOT NULL DEFAULT 'MANUAL',
    "externalId" TEXT,
    "contentHash" TEXT,
    "importBatchId" TEXT,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PREVIEWED',
    "fileCount" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyLoad" (
    "userId" TEXT NOT NULL,
    "localDate" DATE NOT NULL,
    "sessionCount" INTEGER NOT NULL DEFAULT 0,
    "srpeAu" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "estimatedRpe" INTEGER NOT NULL DEFAULT 0,
    "durationMin" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "distanceKm" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "runKm" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "runKmBySurface" JSONB,
    "supportSessions" INTEGER NOT NULL DEFAULT 0,
    "runSessions" INTEGER NOT NULL DEFAULT 0,
    "longestRunKm" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "DailyLoad_pkey" PRIMARY KEY ("userId","localDate")
);

-- CreateTable
CREATE TABLE "BackPainReport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "localDate" DATE NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "zone" "BackZone" NOT NULL,
    "subArea" TEXT,
    "side" "PainSide",
    "nrs" INTEGER NOT NULL,
    "timing" "PainTiming",
    "triggerPoint" BOOLEAN NOT NULL DEFAULT false,
    "redFlags" TEXT[],
    "mechanical" BOOLEAN,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BackPainReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OstrcResponse" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "localDate" DATE NOT NULL,
    "zone" "BackZone" NOT NULL,
    "q1" INTEGER NOT NULL,
    "q2" INTEGER NOT NULL,
    "q3" INTEGER NOT NULL,
    "q4" INTEGER NOT NULL,
    "severity" INTEGER NOT NULL,
    "substantial" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OstrcResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "squadId" TEXT NOT NULL,
    "athleteId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlannedSession" (
    "id" TEXT NOT NULL,
    "squadId" TEXT NOT NULL,
    "athleteId" TEXT NOT NULL,
    "planId" TEXT,
    "date" DATE NOT NULL,
    "type" "SessionType" NOT NULL,
    "subType" "CrossTrainingMode",
    "title" TEXT,
    "durationMin" DOUBLE PRECISION NOT NULL,
    "distanceKm" DOUBLE PRECISION,
    "targetRpe" INTEGER,
    "surface" "Surface",
    "shoeId" TEXT,
    "description" TEXT,
    "origin" "PlanOrigin" NOT NULL DEFAULT 'COACH',
    "flagId" TEXT,
    "reason" TEXT,
    "completedSessionId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlannedSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanTemplate" (
    "id" TEXT NOT NULL,
    "squadId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sessions" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlagAcknowledgement" (
    "id" TEXT NOT NULL,
    "squadId" TEXT NOT NULL,
    "athleteId" TEXT NOT NULL,
    "flagId" TEXT NOT NULL,
    "flagDate" DATE NOT NULL,
    "status" "FlagAckStatus" NOT NULL,
    "note" TEXT,
    "byUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlagAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoachComment" (
    "id" TEXT NOT NULL,
    "squadId" TEXT NOT NULL,
    "athleteId" TEXT NOT NULL,
    "authorId" TEXT,
    "sessionId" TEXT,
    "painReportId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoachComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "squadId" TEXT,
    "subjectUserId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT,
    "entityId" TEXT,
    "meta" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_squadId_role_idx" ON "Membership"("squadId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_squadId_key" ON "Membership"("userId", "squadId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_squadId_createdAt_idx" ON "Invitation"("squadId", "createdAt");

-- CreateIndex
CREATE INDEX "Shoe_userId_idx" ON "Shoe"("userId");

-- CreateIndex
CREATE INDEX "TrainingSession_userId_localDate_idx" ON "TrainingSession"("userId", "localDate");

-- CreateIndex
CREATE INDEX "TrainingSession_shoeId_idx" ON "TrainingSession"("shoeId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingSession_userId_source_externalId_key" ON "TrainingSession"("userId", "source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingSession_userId_contentHash_key" ON "TrainingSession"("userId", "contentHash");

-- CreateIndex
CREATE INDEX "ImportBatch_userId_createdAt_idx" ON "ImportBatch"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "BackPainReport_userId_localDate_idx" ON "BackPainReport"("userId", "localDate");

-- CreateIndex
CREATE INDEX "OstrcResponse_userId_localDate_idx" ON "OstrcResponse"("userId", "localDate");

-- CreateIndex
CREATE UNIQUE INDEX "OstrcResponse_userId_weekStart_zone_key" ON "OstrcResponse"("userId", "weekStart", "zone");

-- CreateIndex
CREATE INDEX "Plan_athleteId_startDate_idx" ON "Plan"("athleteId", "startDate");

-- CreateIndex
CREATE INDEX "Plan_squadId_startDate_idx" ON "Plan"("squadId", "startDate");

-- CreateIndex
CREATE INDEX "PlannedSession_athleteId_date_idx" ON "PlannedSession"("athleteId", "date");

-- CreateIndex
CREATE INDEX "PlannedSession_squadId_date_idx" ON "PlannedSession"("squadId", "date");

-- CreateIndex
CREATE INDEX "PlanTemplate_squadId_idx" ON "PlanTemplate"("squadId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeedToken_tokenHash_key" ON "CalendarFeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeedToken_userId_idx" ON "CalendarFeedToken"("userId");

-- CreateIndex
CREATE INDEX "FlagAcknowledgement_squadId_athleteId_createdAt_idx" ON "FlagAcknowledgement"("squadId", "athleteId", "createdAt");

-- CreateIndex
CREATE INDEX "CoachComment_athleteId_createdAt_idx" ON "CoachComment"("athleteId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_squadId_createdAt_idx" ON "AuditLog"("squadId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_subjectUserId_createdAt_idx" ON "AuditLog"("subjectUserId", "createdAt");

-- AddForeignKey
ALTER TABLE "Squad" ADD CONSTRAINT "Squad_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_squadId_fkey" FOREIGN KEY ("squadId") REFERENCES "Squad"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_squadId_fkey" FOREIGN KEY ("squadId") REFERENCES "Squad"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_usedById_fkey" FOREIGN KEY ("usedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AthleteProfile" ADD CONSTRAINT "AthleteProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shoe" ADD CONSTRAINT "Shoe_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_shoeId_fkey" FOREIGN KEY ("shoeId") REFERENCES "Shoe"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyLoad" ADD CONSTRAINT "DailyLoad_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackPainReport" ADD CONSTRAINT "BackPainReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OstrcResponse" ADD CONSTRAINT "OstrcResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_squadId_fkey" FOREIGN KEY ("squadId") REFERENCES "Squad"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_athleteId_fkey" FOREIGN KEY ("athleteId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedSession" ADD CONSTRAINT "PlannedSession_squadId_fkey" FOREIGN KEY ("squadId") REFERENCES "Squad"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedSession" ADD CONSTRAINT "PlannedSession_athleteId_fkey" FOREIGN KEY ("athleteId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedSession" ADD CONSTRAINT "PlannedSession_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedSession" ADD CONSTRAINT "PlannedSession_shoeId_fkey" FOREIGN KEY ("shoeId") REFERENCES "Shoe"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedSession" ADD CONSTRAINT "PlannedSession_completedSessionId_fkey" FOREIGN KEY ("completedSessionId") REFERENCES "TrainingSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedSession" ADD CONSTRAINT "PlannedSession_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanTemplate" ADD CONSTRAINT "PlanTemplate_squadId_fkey" FOREIGN KEY ("squadId") REFERENCES "Squad"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeedToken" ADD CONSTRAINT "CalendarFeedToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagAcknowledgement" ADD CONSTRAINT "FlagAcknowledgement_squadId_fkey" FOREIGN KEY ("squadId") REFERENCES "Squad"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagAcknowledgement" ADD CONSTRAINT "FlagAcknowledgement_athleteId_fkey" FOREIGN KEY ("athleteId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagAcknowledgement" ADD CONSTRAINT "FlagAcknowledgement_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachComment" ADD CONSTRAINT "CoachComment_squadId_fkey" FOREIGN KEY ("squadId") REFERENCES "Squad"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachComment" ADD CONSTRAINT "CoachComment_athleteId_fkey" FOREIGN KEY ("athleteId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachComment" ADD CONSTRAINT "CoachComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachComment" ADD CONSTRAINT "CoachComment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachComment" ADD CONSTRAINT "CoachComment_painReportId_fkey" FOREIGN KEY ("painReportId") REFERENCES "BackPainReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_squadId_fkey" FOREIGN KEY ("squadId") REFERENCES "Squad"("id") ON DELETE SET NULL ON UPDATE CASCADE;
