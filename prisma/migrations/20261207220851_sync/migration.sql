-- CreateEnum
CREATE TYPE "SyncProvider" AS ENUM ('STRAVA', 'INTERVALS');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('ACTIVE', 'NEEDS_RECONNECT', 'DISCONNECTED');

-- CreateEnum
CREATE TYPE "SyncJobKind" AS ENUM ('BACKFILL_PAGE', 'ACTIVITY_UPSERT', 'ACTIVITY_DELETE', 'DEAUTHORIZE', 'POLL');

-- CreateEnum
CREATE TYPE "SyncJobStatus" AS ENUM ('PENDING', 'DONE', 'DEAD');

-- AlterEnum
ALTER TYPE "SessionSource" ADD VALUE 'INTERVALS';

-- CreateTable
CREATE TABLE "SyncConnection" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "provider" "SyncProvider" NOT NULL,
    "externalAthleteId" TEXT NOT NULL,
    "tokens" TEXT,
    "scope" TEXT,
    "status" "SyncStatus" NOT NULL DEFAULT 'ACTIVE',
    "lastSyncAt" TIMESTAMP(3),
    "lastError" TEXT,
    "backfillMonths" INTEGER NOT NULL DEFAULT 12,
    "backfillFrom" TIMESTAMP(3),
    "backfillUntil" TIMESTAMP(3),
    "backfillStatus" TEXT NOT NULL DEFAULT 'PENDING',
    "backfillPages" INTEGER NOT NULL DEFAULT 0,
    "backfillAdded" INTEGER NOT NULL DEFAULT 0,
    "backfillSkipped" INTEGER NOT NULL DEFAULT 0,
    "backfillNextAt" TIMESTAMP(3),
    "backfillCursor" TEXT,
    "backfillBatchId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncJob" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "kind" "SyncJobKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" "SyncJobStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SyncConnection_provider_externalAthleteId_key" ON "SyncConnection"("provider", "externalAthleteId");

-- CreateIndex
CREATE UNIQUE INDEX "SyncConnection_userId_provider_key" ON "SyncConnection"("userId", "provider");

-- CreateIndex
CREATE INDEX "SyncJob_status_nextAttemptAt_idx" ON "SyncJob"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncJob_dedupeKey_key" ON "SyncJob"("dedupeKey");

-- AddForeignKey
ALTER TABLE "SyncConnection" ADD CONSTRAINT "SyncConnection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncJob" ADD CONSTRAINT "SyncJob_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "SyncConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
