-- AlterEnum
ALTER TYPE "ImportStatus" ADD VALUE 'UNDONE';

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "removedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "undoneAt" TIMESTAMP(3);
