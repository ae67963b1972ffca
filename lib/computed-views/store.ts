import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * What is computed from an athlete's data, kept in Postgres ("ComputedView") so that every app process of
 * every instance reads the same values, warm from its first request. A row answers a key (what the value
 * is of: its kind, squad, day, thresholds and the code that computed it) only for the data version it was
 * computed from, so it is never stale: a write moves User.dataVersion and the row stops answering until it
 * is recomputed (by whichever reader gets there first, or by the refresh queue, see refresh.ts).
 */

// Rows written by one build answer that build only: a release that changes the engine or the shape of a
// value never reads its predecessor's. The server sets BACKBONE_CODE_VERSION to the build's id
// (scripts/serve.mjs); without it (development, tests) each process has its own.
const processVersion = `dev-${process.pid}-${Date.now().toString(36)}`;

export function codeVersion(): string {
  return process.env.BACKBONE_CODE_VERSION || processVersion;
}

/** A short stable digest of the inputs a value depends on besides the data (thresholds and the like). */
export function inputsDigest(inputs: unknown): string {
  return createHash("sha1").update(JSON.stringify(inputs)).digest("base64url").slice(0, 16);
}

// JSON has no Infinity or NaN; a ratio over a zero can be either. They are written as tagged objects and
// read back as numbers, so a kept value equals the computed one.
const replacer = (_key: string, value: unknown) =>
  typeof value === "number" && !Number.isFinite(value) ? { $num: String(value) } : value;
const reviver = (_key: string, value: unknown) =>
  value !== null && typeof value === "object" && "$num" in value && Object.keys(value).length === 1 ? Number((value as { $num: string }).$num) : value;

export const encodeValue = (value: unknown) => JSON.stringify(value, replacer);
export const decodeValue = <T>(text: string) => JSON.parse(text, reviver) as T;

export type ViewKey = {
  userId: string;
  key: string;
  squadId: string | null;
  /** The athlete's local day the value is for (YYYY-MM-DD). */
  asOf: string;
  dataVersion: number;
};

const id = (k: Pick<ViewKey, "userId" | "key">) => `${k.userId}|${k.key}`;

/** The kept values of these keys computed from these data versions, by `${userId}|${key}`. One statement. */
export async function readViews<T>(prisma: PrismaClient, keys: ViewKey[]): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  if (keys.length === 0) return out;
  const rows = await prisma.$queryRaw<{ userId: string; key: string; payload: string }[]>`
    SELECT c."userId", c."key", c."payload"::text AS "payload"
    FROM unnest(${keys.map((k) => k.userId)}::text[], ${keys.map((k) => k.key)}::text[], ${keys.map((k) => k.dataVersion)}::int[]) AS w("userId", "key", "dataVersion")
    JOIN "ComputedView" c ON c."userId" = w."userId" AND c."key" = w."key" AND c."dataVersion" = w."dataVersion"`;
  for (const row of rows) out.set(id(row), decodeValue<T>(row.payload));
  return out;
}

/**
 * Keeps computed values. A row computed from an older data version than the one kept never replaces it
 * (a slow reader finishing after a refresh).
 */
export async function writeViews(prisma: PrismaClient, rows: (ViewKey & { value: unknown })[]): Promise<void> {
  if (rows.length === 0) return;
  const version = codeVersion();
  await prisma.$executeRaw`
    INSERT INTO "ComputedView" ("userId", "key", "squadId", "asOf", "codeVersion", "dataVersion", "payload", "computedAt")
    SELECT w."userId", w."key", w."squadId", w."asOf", ${version}, w."dataVersion", w."payload"::jsonb, now() AT TIME ZONE 'UTC'
    FROM unnest(${rows.map((r) => r.userId)}::text[], ${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.squadId)}::text[],
                ${rows.map((r) => r.asOf)}::date[], ${rows.map((r) => r.dataVersion)}::int[], ${rows.map((r) => encodeValue(r.value))}::text[])
      AS w("userId", "key", "squadId", "asOf", "dataVersion", "payload")
    ON CONFLICT ("userId", "key") DO UPDATE
    SET "dataVersion" = EXCLUDED."dataVersion", "payload" = EXCLUDED."payload", "computedAt" = EXCLUDED."computedAt", "codeVersion" = EXCLUDED."codeVersion"
    WHERE "ComputedView"."dataVersion" <= EXCLUDED."dataVersion"`;
}

/**
 * Removes what no request will read again: values of days before yesterday (every athlete's today is at
 * most a day either side of UTC's), of other builds when older than a day, and of athletes no longer in
 * the squad they were computed for.
 */
export async function pruneViews(prisma: PrismaClient): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM "ComputedView" c
    WHERE c."asOf" < (now() AT TIME ZONE 'UTC')::date - 1
       OR (c."codeVersion" <> ${codeVersion()} AND c."computedAt" < (now() AT TIME ZONE 'UTC') - interval '1 day')
       OR (c."squadId" IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM "Membership" m WHERE m."squadId" = c."squadId" AND m."userId" = c."userId" AND m."role" = 'ATHLETE'))`;
}
