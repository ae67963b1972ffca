import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Ids shaped like Prisma's cuid() (a "c" and 24 base-36 characters), for rows written outside the client. */
export function newId(): string {
  const n = BigInt(`0x${randomBytes(16).toString("hex")}`);
  return `c${n.toString(36).padStart(25, "0").slice(-24)}`;
}

export type BulkTable = "TrainingSession" | "DailyLoad" | "BackPainReport" | "OstrcResponse";

/**
 * Bulk insert through json_populate_recordset: one JSON text parameter per call. createMany binds and
 * maps every value on the client (about a millisecond a row here); this keeps thousands of rows to a
 * fraction of a second. Column names come from the first row: every row must have the same keys, and
 * the table and column names must be Prisma's defaults (no @@map/@map). `onConflictDoNothing` skips
 * rows that hit a unique constraint, which is how re-imports stay duplicate-free.
 */
export async function insertJson(
  tx: Prisma.TransactionClient,
  table: BulkTable,
  rows: object[],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0])
    .map((c) => `"${c}"`)
    .join(", ");
  const conflict = options.onConflictDoNothing ? " ON CONFLICT DO NOTHING" : "";
  const sql = `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)${conflict}`;
  return tx.$executeRawUnsafe(sql, JSON.stringify(rows));
}
