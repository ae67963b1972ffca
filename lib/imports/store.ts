import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { insertJson, newId } from "@/lib/db-bulk";
import { contentHashOf } from "@/lib/imports/session";
import { isProviderId } from "@/lib/sync/provider-ids";
import type { ProviderId } from "@/lib/sync/providers/types";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { checkUploadSizes, newUploadBudget, parseActivityFile } from "@/lib/imports";
import type { ImportIssue, ParsedSession } from "@/lib/imports/types";
import {
  applyChoice,
  choiceOf,
  keyOfSession,
  mappingOf,
  SPORT_CHOICES,
  sportTotals,
  type SportChoice,
  type SportChoices,
  type SportTotal,
} from "@/lib/imports/sport-choices";

export type UploadedFile = { name: string; bytes: Uint8Array };

export type PreviewItem =
  | { status: "create"; item: string; session: ParsedSession }
  // New, but of a sport the athlete chose to skip in an earlier import; the preview can bring it back.
  | { status: "skip"; item: string; session: ParsedSession }
  | { status: "duplicate"; item: string; reason: string; session?: ParsedSession }
  | { status: "rejected"; item: string; reason: string };

export type ImportPreview = {
  batchId: string | null;
  items: PreviewItem[];
  counts: { create: number; skip: number; duplicate: number; rejected: number; needsReview: number };
  /** The new activities per source sport, with what each maps to; the athlete may change any. */
  sports: SportTotal[];
};

/** What a previewed batch holds until its commit: every new activity, skipped sports included. */
type Summary = { sessions: ParsedSession[]; skippedSports?: string[]; timeZone?: string };

// Two recordings that start within this many minutes of each other, with a similar duration, are
// one activity seen by two devices or exports, even when their distances disagree a little.
const SAME_START_MIN = 3;
const SAME_DURATION_SHARE = 0.05;

/** A session as the chosen sport type, with its content hash redone (the hash holds the type). */
export function remapSession(s: ParsedSession, choice: SportChoice): ParsedSession {
  const out = applyChoice(s, choice);
  return out === s ? s : { ...out, contentHash: contentHashOf(out) };
}

const keyOf = (s: { source?: string | null; externalId?: string | null }) =>
  s.externalId ? `${s.source ?? ""}:${s.externalId}` : null;

/** What a device measured of an imported session, as TrainingSession columns. */
export function measuredFields(s: ParsedSession) {
  return {
    type: s.type,
    subType: s.subType ?? null,
    durationMin: s.durationMin,
    movingMin: s.movingMin ?? null,
    distanceKm: s.distanceKm ?? null,
    elevationGainM: s.elevationGainM ?? null,
    // A heart rate outside what a person can have is a unit or export error: keep the session, drop the value.
    avgHr: s.avgHr != null && s.avgHr >= 25 && s.avgHr <= 250 ? Math.round(s.avgHr) : null,
  };
}

/**
 * The TrainingSession row of an imported session (a file's or a provider's): the same columns whichever way it
 * came. timeZone is the zone its day was worked out in, kept so that a later change of zone can be explained.
 */
export function importedSessionRow(
  s: ParsedSession,
  at: { userId: string; batchId: string | null; enteredById: string | null; stamp: string; timeZone: string | null },
) {
  return {
    id: newId(),
    userId: at.userId,
    localDate: s.date,
    startTime: s.startTime ?? null,
    ...measuredFields(s),
    source: s.source ?? "MANUAL",
    externalId: s.externalId ?? null,
    contentHash: s.contentHash ?? null,
    importBatchId: at.batchId,
    enteredById: at.enteredById,
    notes: s.name ?? null,
    sourceSport: s.sourceSport ?? null,
    reviewReason: s.reviewReason ?? null,
    timeZone: s.startTime ? at.timeZone : null,
    createdAt: at.stamp,
    updatedAt: at.stamp,
  };
}

/**
 * Reads the uploaded files and sorts every activity into "create", "duplicate" or "rejected", each
 * with its reason; nothing is written but the previewed batch, which holds what a commit will create.
 */
export async function previewImport(
  prisma: PrismaClient,
  userId: string,
  files: UploadedFile[],
  timeZone: string,
  onProgress?: (done: number, total: number) => void,
  /** A coach previewing for an athlete of their squad: only they can commit it, and it is stored as theirs to have entered. */
  enteredById: string | null = null,
): Promise<ImportPreview> {
  const items: PreviewItem[] = [];
  const sizeIssues = checkUploadSizes(files.map((f) => ({ name: f.name, size: f.bytes.length })));
  const refused = new Set(sizeIssues.map((i) => i.item));
  // "upload" is the whole batch being over the limit: then no file is read.
  const batchTooLarge = refused.has("upload");
  for (const issue of sizeIssues) items.push({ status: "rejected", item: issue.item, reason: issue.message });

  const parsed: ParsedSession[] = [];
  const reject = (issues: ImportIssue[] | undefined, status: "rejected" | "duplicate") => {
    for (const i of issues ?? []) items.push({ status, item: i.item, reason: i.message });
  };
  // One budget for the whole upload: its files cannot each spend the limits again.
  const budget = newUploadBudget();
  let done = 0;
  for (const file of files) {
    if (!batchTooLarge && !refused.has(file.name)) {
      const result = await parseActivityFile(file.name, file.bytes, { timeZone, budget });
      parsed.push(...result.sessions);
      reject(result.errors, "rejected");
      reject(result.skipped, "duplicate");
    }
    onProgress?.(++done, files.length);
  }

  // The same activity in two files of one upload is kept once.
  const seenKeys = new Set<string>();
  const unique: ParsedSession[] = [];
  for (const s of parsed) {
    const keys = [keyOf(s), s.contentHash ? `hash:${s.contentHash}` : null].filter((k): k is string => k !== null);
    if (keys.some((k) => seenKeys.has(k))) {
      items.push({ status: "duplicate", item: s.sourceFile ?? s.date, reason: "Also in another file of this upload", session: s });
      continue;
    }
    keys.forEach((k) => seenKeys.add(k));
    unique.push(s);
  }

  // The athlete's remembered sport choices apply before duplicates are looked for: the type is part of
  // an activity's content hash.
  const remembered = await rememberedChoices(prisma, userId);
  const mapped = unique.map((s) => {
    const defaultChoice = choiceOf({ type: s.type, subType: s.subType });
    const choice = remembered.get(keyOfSession(s)) ?? defaultChoice;
    return { session: choice === "SKIP" ? s : remapSession(s, choice), defaultChoice, choice };
  });

  const existing = mapped.length ? await existingMatches(prisma, userId, mapped.map((m) => m.session)) : null;
  const fresh: typeof mapped = [];
  for (const m of mapped) {
    const s = m.session;
    const reason = existing?.(s);
    if (reason) items.push({ status: "duplicate", item: s.sourceFile ?? s.date, reason, session: s });
    else {
      items.push({ status: m.choice === "SKIP" ? "skip" : "create", item: s.sourceFile ?? s.date, session: s });
      fresh.push(m);
    }
  }

  const counts = {
    create: items.filter((i) => i.status === "create").length,
    skip: items.filter((i) => i.status === "skip").length,
    duplicate: items.filter((i) => i.status === "duplicate").length,
    rejected: items.filter((i) => i.status === "rejected").length,
    needsReview: items.filter((i) => i.status === "create" && i.session.reviewReason).length,
  };
  let batchId: string | null = null;
  if (fresh.length > 0) {
    batchId = newId();
    const summary: Summary = {
      sessions: fresh.map((m) => m.session),
      skippedSports: [...new Set(fresh.filter((m) => m.choice === "SKIP").map((m) => keyOfSession(m.session)))],
      timeZone,
    };
    // Written as one JSON parameter; the client's JSON mapping of thousands of sessions is slow.
    await prisma.$executeRaw`
      INSERT INTO "ImportBatch" ("id", "userId", "status", "fileCount", "skippedCount", "errorCount", "summary", "createdAt", "enteredById")
      VALUES (${batchId}, ${userId}, 'PREVIEWED', ${files.length}, ${counts.duplicate}, ${counts.rejected},
              ${JSON.stringify(summary)}::jsonb, now(), ${enteredById})`;
  }
  return { batchId, items, counts, sports: sportTotals(fresh) };
}

export async function rememberedChoices(prisma: PrismaClient | Prisma.TransactionClient, userId: string): Promise<Map<string, SportChoice>> {
  const rows = await prisma.importSportChoice.findMany({ where: { userId }, select: { sport: true, type: true, subType: true, skip: true } });
  const out = new Map<string, SportChoice>();
  for (const r of rows) {
    const choice: SportChoice = r.skip || !r.type ? "SKIP" : choiceOf({ type: r.type, subType: r.subType ?? undefined });
    if (SPORT_CHOICES.includes(choice)) out.set(r.sport, choice);
  }
  return out;
}

/** Remembers the athlete's choice for each sport of a committed import, for their next imports. */
async function rememberChoices(tx: Prisma.TransactionClient, userId: string, choices: Map<string, SportChoice>) {
  for (const [sport, choice] of choices) {
    const m = mappingOf(choice);
    const data = { type: m?.type ?? null, subType: m?.subType ?? null, skip: m === null };
    await tx.importSportChoice.upsert({ where: { userId_sport: { userId, sport } }, create: { userId, sport, ...data }, update: data });
  }
}

/** A matcher telling why a parsed session is already stored, or undefined when it is new. */
async function existingMatches(prisma: PrismaClient | Prisma.TransactionClient, userId: string, sessions: ParsedSession[]) {
  const dates = sessions.map((s) => s.date).sort();
  // Raw SQL with array parameters: ten thousand ids as separate bind values cost seconds in the client.
  const rows = await prisma.$queryRaw<
    { source: string; externalId: string | null; contentHash: string | null; startTime: Date | null; durationMin: number }[]
  >`SELECT "source"::text AS "source", "externalId", "contentHash", "startTime", "durationMin"
    FROM "TrainingSession"
    WHERE "userId" = ${userId}
      AND ("externalId" = ANY(${sessions.map((s) => s.externalId).filter((x): x is string => Boolean(x))}::text[])
        OR "contentHash" = ANY(${sessions.map((s) => s.contentHash).filter((x): x is string => Boolean(x))}::text[])
        OR ("localDate" BETWEEN ${dates[0]}::date AND ${dates.at(-1)}::date AND "startTime" IS NOT NULL))`;
  const byKey = new Set(rows.map(keyOf).filter((k): k is string => k !== null));
  const byHash = new Set(rows.map((r) => r.contentHash).filter((h): h is string => Boolean(h)));
  const starts = rows.filter((r) => r.startTime).map((r) => ({ t: r.startTime!.getTime(), d: r.durationMin }));
  starts.sort((a, b) => a.t - b.t);
  return (s: ParsedSession): string | undefined => {
    const key = keyOf(s);
    if (key && byKey.has(key)) return "Already imported (same activity id)";
    if (s.contentHash && byHash.has(s.contentHash)) return "Already imported (same start, duration and distance)";
    if (s.startTime) {
      const t = Date.parse(s.startTime);
      const window = SAME_START_MIN * 60_000;
      // Binary search for the first stored start inside the window.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid].t < t - window) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < starts.length && starts[i].t <= t + window; i++) {
        if (Math.abs(starts[i].d - s.durationMin) <= SAME_DURATION_SHARE * Math.max(s.durationMin, 1)) {
          return "Already logged (a session starting at the same time with the same duration)";
        }
      }
    }
    return undefined;
  };
}

export class ImportBatchGoneError extends Error {
  constructor() {
    super("This preview was already imported or has expired. Upload the files again.");
  }
}

/**
 * Creates the previewed sessions in one transaction: all of them or none. Sessions stored since the
 * preview (another tab, another device) are skipped, never doubled. `choices` maps source sports (their
 * sportKey) to a session type or SKIP; a sport it leaves out stays as the preview showed it. The
 * choices given are remembered for the athlete's next imports.
 */
export async function commitImport(
  prisma: PrismaClient,
  userId: string,
  batchId: string,
  now = new Date(),
  choices: SportChoices = {},
  /** The coach who previewed it for the athlete; a batch is committed by whoever previewed it. */
  enteredById: string | null = null,
): Promise<{ created: number; skipped: number; skippedBySport: number; needsReview: number }> {
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.importBatch.updateMany({
        where: { id: batchId, userId, status: "PREVIEWED", enteredById },
        data: { status: "COMMITTED" },
      });
      if (claimed.count !== 1) throw new ImportBatchGoneError();
      const batch = await tx.importBatch.findUniqueOrThrow({ where: { id: batchId }, select: { summary: true } });
      const summary = (batch.summary as unknown as Summary | null) ?? { sessions: [] };
      const previewed = summary.sessions ?? [];
      const previewSkips = new Set(summary.skippedSports ?? []);
      const given = new Map<string, SportChoice>();
      const wanted: ParsedSession[] = [];
      for (const s of previewed) {
        const key = keyOfSession(s);
        const choice = Object.hasOwn(choices, key) ? choices[key] : undefined;
        if (choice) given.set(key, choice);
        if (choice === "SKIP" || (!choice && previewSkips.has(key))) continue;
        wanted.push(choice ? remapSession(s, choice) : s);
      }
      const skippedBySport = previewed.length - wanted.length;
      const sessions = wanted;
      const stillNew = sessions.length ? await existingMatches(tx, userId, sessions) : () => undefined;
      const fresh = sessions.filter((s) => !stillNew(s));
      const stamp = now.toISOString();
      const rows = fresh.map((s) => importedSessionRow(s, { userId, batchId, enteredById, stamp, timeZone: summary.timeZone ?? null }));
      let created = 0;
      for (let i = 0; i < rows.length; i += 5000) {
        created += await insertJson(tx, "TrainingSession", rows.slice(i, i + 5000), { onConflictDoNothing: true });
      }
      if (fresh.length) {
        const dates = fresh.map((s) => s.date).sort();
        await rebuildDailyLoads(tx, userId, dates[0], dates.at(-1));
      }
      const skipped = sessions.length - created;
      const needsReview = fresh.filter((s) => s.reviewReason).length;
      await rememberChoices(tx, userId, given);
      await tx.importBatch.update({
        where: { id: batchId },
        data: { createdCount: created, skippedCount: { increment: skipped + skippedBySport }, summary: { created, skipped, skippedBySport, needsReview } },
      });
      await tx.auditLog.create({
        data: {
          actorId: enteredById ?? userId,
          subjectUserId: userId,
          action: "import.commit",
          entity: "ImportBatch",
          entityId: batchId,
          meta: { created, skipped, skippedBySport, needsReview },
        },
      });
      return { created, skipped, skippedBySport, needsReview };
    },
    { timeout: 120_000 },
  );
}

export type ImportHistoryRow = {
  id: string;
  createdAt: Date;
  status: "COMMITTED" | "UNDONE";
  fileCount: number;
  /** The provider whose sync brought the batch in (a backfill or a catch-up), null for uploaded files. */
  syncedFrom: ProviderId | null;
  createdCount: number;
  /** Sessions of the batch still there (the athlete may have deleted some one by one). */
  sessionCount: number;
  undoneAt: Date | null;
  removedCount: number;
};

/** The person's committed and undone imports, newest first. */
export async function listImportHistory(prisma: PrismaClient, userId: string, take = 20): Promise<ImportHistoryRow[]> {
  const rows = await prisma.importBatch.findMany({
    where: { userId, status: { in: ["COMMITTED", "UNDONE"] } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      createdAt: true,
      status: true,
      fileCount: true,
      createdCount: true,
      undoneAt: true,
      removedCount: true,
      summary: true,
      _count: { select: { sessions: true } },
    },
  });
  return rows.map(({ _count, summary, ...r }) => {
    const sync = summary && typeof summary === "object" && !Array.isArray(summary) ? summary.sync : null;
    return {
      ...r,
      status: r.status as ImportHistoryRow["status"],
      syncedFrom: typeof sync === "string" && isProviderId(sync) ? sync : null,
      sessionCount: _count.sessions,
    };
  });
}

export class ImportNotUndoableError extends Error {
  constructor() {
    super("This import was already removed, or is not yours to remove.");
  }
}

/**
 * Removes a committed import as a whole: its sessions (with whatever was added to them since, coach
 * comments included) go, the daily totals of their days are rebuilt, and the batch stays as a record
 * marked undone, with an audit entry. All in one transaction; only the batch's owner can do it.
 */
export async function undoImport(prisma: PrismaClient, userId: string, batchId: string, now = new Date()): Promise<{ removed: number }> {
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.importBatch.updateMany({
        where: { id: batchId, userId, status: "COMMITTED" },
        data: { status: "UNDONE", undoneAt: now },
      });
      if (claimed.count !== 1) throw new ImportNotUndoableError();
      const span = await tx.trainingSession.aggregate({
        where: { importBatchId: batchId, userId },
        _min: { localDate: true },
        _max: { localDate: true },
      });
      const { count: removed } = await tx.trainingSession.deleteMany({ where: { importBatchId: batchId, userId } });
      if (removed > 0 && span._min.localDate && span._max.localDate) {
        await rebuildDailyLoads(tx, userId, span._min.localDate.toISOString().slice(0, 10), span._max.localDate.toISOString().slice(0, 10));
      }
      await tx.importBatch.update({ where: { id: batchId }, data: { removedCount: removed } });
      await tx.auditLog.create({
        data: { actorId: userId, subjectUserId: userId, action: "import.undo", entity: "ImportBatch", entityId: batchId, meta: { removed } },
      });
      return { removed };
    },
    { timeout: 120_000 },
  );
}
