import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { assertCoachOf, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseWith } from "@/lib/forms";
import { addDays, mondayOf, todayIn, toDbDate } from "@/lib/dates";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { dayRanges } from "@/lib/sessions/bulk";
import { MODE_LABELS, SESSION_TYPE_LABELS } from "@/lib/sessions/labels";
import { calendarDateSchema } from "@/lib/sessions/schemas";
import { formatDistance, formatDuration } from "@/lib/units";
import { cellInputName, GRID_FIELDS, readCellInputName, readGridCell, weekDays, type GridField } from "@/lib/squad-log/cells";
import { readSquadLogCsv, SQUAD_LOG_MAX_BYTES, SquadLogFileError, type LogRowDraft } from "@/lib/squad-log/csv";
import { gridReadOnlyReason, listSquadAthletesUnchecked, sessionsByDay, type GridSession, type SquadAthlete } from "@/lib/squad-log/queries";

// A coach's writes to their athletes' training logs: the week grid and the squad log CSV. Both are
// all or nothing, refreshing the daily totals of the touched days in the same transaction, and both write
// only sessions marked as entered by the coach; the athlete's own sessions are never changed from here.


/** Rebuilds the daily totals of each athlete's touched days, nearby days as one range. */
async function rebuildTouched(tx: Prisma.TransactionClient, touched: Map<string, Set<string>>) {
  for (const [athleteId, days] of touched) {
    for (const [from, to] of dayRanges(days)) await rebuildDailyLoads(tx, athleteId, from, to);
  }
}

function touch(touched: Map<string, Set<string>>, athleteId: string, date: string) {
  const days = touched.get(athleteId);
  if (days) days.add(date);
  else touched.set(athleteId, new Set([date]));
}

const gridWeekSchema = z.object({ week: calendarDateSchema });

type PostedCell = { athleteId: string; date: string; sessionId: string; raw: Partial<Record<GridField, string>> };

export type GridSaveResult = { created: number; updated: number; deleted: number };

/**
 * Saves the squad log grid as posted: inputs named `dist|min|rpe|session.<athleteId>.<date>` for the days of
 * `week`. A filled cell without a session creates a run entered by the coach; a cell showing a session
 * the coach entered updates it when changed, and deletes it when all three fields are emptied. Every bad
 * cell is reported under its own input's name and nothing is written while any is bad.
 */
export async function saveSquadLogWeek(viewer: Viewer, squadId: string, input: Record<string, unknown>, now = new Date()): Promise<GridSaveResult> {
  assertCoachOf(viewer, squadId);
  const monday = mondayOf(parseWith(gridWeekSchema, input).week);
  const days = weekDays(monday);
  const posted = new Map<string, PostedCell>();
  for (const [name, value] of Object.entries(input)) {
    const at = readCellInputName(name);
    if (!at || typeof value !== "string" || at.part === "cell") continue;
    if (!days.includes(at.date)) throw new ValidationError("This grid is out of date: reload the page and try again.");
    const key = `${at.athleteId}|${at.date}`;
    let cell = posted.get(key);
    if (!cell) posted.set(key, (cell = { athleteId: at.athleteId, date: at.date, sessionId: "", raw: {} }));
    if (at.part === "session") cell.sessionId = value.trim();
    else cell.raw[at.part] = value;
  }

  return db().$transaction(
    async (tx) => {
      const athletes = await listSquadAthletesUnchecked(tx, squadId);
      const ids = new Set(athletes.map((a) => a.id));
      // Someone who is not an athlete of this squad is not found, whatever else the form holds.
      for (const cell of posted.values()) if (!ids.has(cell.athleteId)) throw new NotFoundError("Athlete not found");
      const byDay = await sessionsByDay(tx, [...ids], monday, addDays(monday, 6));

      const errors: Record<string, string[]> = {};
      let badCells = 0;
      const creates: Prisma.TrainingSessionCreateManyInput[] = [];
      const updates: { id: string; data: Prisma.TrainingSessionUpdateInput }[] = [];
      const deletes: string[] = [];
      const touched = new Map<string, Set<string>>();
      const counts = new Map<string, GridSaveResult>();
      const count = (athleteId: string, what: keyof GridSaveResult) => {
        const c = counts.get(athleteId) ?? { created: 0, updated: 0, deleted: 0 };
        c[what]++;
        counts.set(athleteId, c);
      };

      // In the grid's order, so the list of problems reads down the page.
      for (const athlete of athletes) {
        for (const date of days) {
          const cell = posted.get(`${athlete.id}|${date}`);
          if (!cell) continue;
          const value = readGridCell(cell.raw, viewer.unitPreference);
          const sessions = byDay.get(`${athlete.id}|${date}`) ?? [];
          const shown: GridSession | undefined = cell.sessionId ? sessions.find((s) => s.id === cell.sessionId) : undefined;
          const stale = cell.sessionId ? !shown || sessions.length !== 1 || gridReadOnlyReason(shown) !== null : sessions.length > 0;
          if (stale && value.kind !== "empty") {
            errors[cellInputName("cell", athlete.id, date)] = ["this day changed since the page was loaded: reload the page to see it"];
            badCells++;
            continue;
          }
          if (value.kind === "invalid") {
            for (const field of GRID_FIELDS) {
              const message = value.errors[field];
              if (message) errors[cellInputName(field, athlete.id, date)] = [message];
            }
            badCells++;
            continue;
          }
          if (value.kind === "empty") {
            // Emptied: the session the coach entered goes. A day that changed meanwhile is left alone.
            if (shown && !stale) {
              deletes.push(shown.id);
              touch(touched, athlete.id, date);
              count(athlete.id, "deleted");
            }
            continue;
          }
          if (shown) {
            const same = shown.distanceKm === value.distanceKm && Math.round(shown.durationMin * 100) / 100 === value.durationMin && shown.rpe === value.rpe;
            if (!same) {
              updates.push({ id: shown.id, data: { distanceKm: value.distanceKm, durationMin: value.durationMin, rpe: value.rpe } });
              touch(touched, athlete.id, date);
              count(athlete.id, "updated");
            }
            continue;
          }
          if (date > todayIn(athlete.timeZone, now)) {
            errors[cellInputName("cell", athlete.id, date)] = ["this day is still to come: plan it instead of logging it"];
            badCells++;
            continue;
          }
          creates.push({
            userId: athlete.id,
            localDate: toDbDate(date),
            type: "RUN",
            durationMin: value.durationMin,
            distanceKm: value.distanceKm,
            rpe: value.rpe,
            source: "MANUAL",
            enteredById: viewer.id,
          });
          touch(touched, athlete.id, date);
          count(athlete.id, "created");
        }
      }
      if (badCells > 0) {
        throw new ValidationError(
          badCells === 1 ? "Nothing was saved: 1 cell needs a correction." : `Nothing was saved: ${badCells} cells need a correction.`,
          errors,
        );
      }

      if (creates.length) await tx.trainingSession.createMany({ data: creates });
      for (const u of updates) await tx.trainingSession.update({ where: { id: u.id }, data: u.data });
      // Only sessions a coach entered, whatever ids were gathered.
      if (deletes.length) await tx.trainingSession.deleteMany({ where: { id: { in: deletes }, enteredById: { not: null }, userId: { in: [...ids] } } });
      await rebuildTouched(tx, touched);
      for (const [athleteId, c] of counts) {
        await recordAudit(
          {
            actorId: viewer.id,
            squadId,
            subjectUserId: athleteId,
            action: "session.grid-save",
            entity: "TrainingSession",
            meta: { week: monday, days: [...(touched.get(athleteId) ?? [])].sort(), ...c },
          },
          tx,
        );
      }
      const total = { created: 0, updated: 0, deleted: 0 };
      for (const c of counts.values()) {
        total.created += c.created;
        total.updated += c.updated;
        total.deleted += c.deleted;
      }
      return total;
    },
    { timeout: 30_000 },
  );
}

// ---------------------------------------------------------------------------------------------------------
// The squad training log CSV

export type LogPreviewRow = {
  row: number;
  /** The athlete as the file names them. */
  athlete: string;
  /** The athlete of the squad the row was matched to. */
  athleteName: string | null;
  date: string | null;
  type: string | null;
  distance: string | null;
  duration: string | null;
  rpe: number | null;
  notes: string | null;
  status: "add" | "duplicate" | "rejected";
  reason: string | null;
};

export type LogPreview = {
  rows: LogPreviewRow[];
  counts: { add: number; duplicate: number; rejected: number };
  ignoredColumns: string[];
};

type LogPlan = { preview: LogPreview; adds: { athlete: SquadAthlete; draft: LogRowDraft }[]; skippedBy: Map<string, number> };

type Reader = Parameters<typeof listSquadAthletesUnchecked>[0];

const normal = (text: string) => text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
const quote = (value: string) => `“${value.length > 80 ? `${value.slice(0, 80)}…` : value}”`;

/** The text of an upload: UTF-8, or what a spreadsheet on Windows writes when it is not (Windows-1252). */
function decodeUpload(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Same athlete, day and type, and the same minutes and distance (to 0.1 km): the same session. */
const sameSessionKey = (athleteId: string, date: string, type: string, subType: string | null, minutes: number, km: number | null) =>
  `${athleteId}|${date}|${type}|${subType ?? ""}|${Math.round(minutes)}|${km === null ? "-" : Math.round(km * 10)}`;

function athleteMatcher(athletes: SquadAthlete[]) {
  const byEmail = new Map(athletes.map((a) => [normal(a.email), a]));
  const byName = new Map<string, SquadAthlete[]>();
  for (const a of athletes) {
    const key = normal(a.name);
    byName.set(key, [...(byName.get(key) ?? []), a]);
  }
  return (written: string): { athlete: SquadAthlete } | { error: string } => {
    const key = normal(written);
    const found = key.includes("@") ? [byEmail.get(key)].filter((a): a is SquadAthlete => a !== undefined) : (byName.get(key) ?? []);
    if (found.length === 1) return { athlete: found[0] };
    if (found.length > 1) return { error: `${found.length} athletes of this squad are called ${quote(written)}: give the athlete's email instead` };
    return { error: `No athlete of this squad is called ${quote(written)}` };
  };
}

async function planSquadLog(client: Reader, viewer: Viewer, squadId: string, bytes: Uint8Array, now: Date): Promise<LogPlan> {
  if (bytes.length > SQUAD_LOG_MAX_BYTES) {
    throw new ValidationError(`This file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${SQUAD_LOG_MAX_BYTES / 1024 / 1024} MB. Split it into several files.`);
  }
  if (bytes.length === 0) throw new ValidationError("This file is empty.");
  let file;
  try {
    file = readSquadLogCsv(decodeUpload(bytes), viewer.unitPreference);
  } catch (error) {
    if (error instanceof SquadLogFileError) throw new ValidationError(error.message);
    throw error;
  }
  const athletes = await listSquadAthletesUnchecked(client, squadId);
  const match = athleteMatcher(athletes);

  const matched = file.rows.map((r) => {
    if (!r.draft) return { row: r, error: r.error ?? "This row could not be read" };
    const m = match(r.draft.athlete);
    if ("error" in m) return { row: r, error: m.error };
    if (r.draft.date > todayIn(m.athlete.timeZone, now)) {
      return { row: r, athlete: m.athlete, error: `${r.draft.date} is still to come for ${m.athlete.name}: plan it instead of logging it` };
    }
    return { row: r, athlete: m.athlete };
  });

  const athleteIds = [...new Set(matched.flatMap((m) => (m.athlete && !m.error ? [m.athlete.id] : [])))];
  const dates = [...new Set(matched.flatMap((m) => (m.athlete && !m.error && m.row.draft ? [m.row.draft.date] : [])))];
  const existing = new Set<string>();
  if (athleteIds.length) {
    const sessions = await client.trainingSession.findMany({
      where: { userId: { in: athleteIds }, localDate: { in: dates.map(toDbDate) } },
      select: { userId: true, localDate: true, type: true, subType: true, durationMin: true, movingMin: true, distanceKm: true },
    });
    for (const s of sessions) {
      const date = s.localDate.toISOString().slice(0, 10);
      existing.add(sameSessionKey(s.userId, date, s.type, s.subType, s.durationMin, s.distanceKm));
      if (s.movingMin !== null) existing.add(sameSessionKey(s.userId, date, s.type, s.subType, s.movingMin, s.distanceKm));
    }
  }

  const inFile = new Map<string, number>();
  const adds: LogPlan["adds"] = [];
  const skippedBy = new Map<string, number>();
  const rows = matched.map((m): LogPreviewRow => {
    const d = m.row.draft;
    const base = {
      row: m.row.row,
      athlete: m.row.athlete.slice(0, 100),
      athleteName: m.athlete?.name ?? null,
      date: d?.date ?? null,
      type: d ? (d.subType ? MODE_LABELS[d.subType] : SESSION_TYPE_LABELS[d.type]) : null,
      distance: d?.distanceKm ? formatDistance(d.distanceKm, viewer.unitPreference, 2) : null,
      duration: d ? formatDuration(d.durationMin) : null,
      rpe: d?.rpe ?? null,
      notes: d?.notes ?? null,
    };
    if (m.error || !d || !m.athlete) return { ...base, status: "rejected", reason: m.error ?? "This row could not be read" };
    const key = sameSessionKey(m.athlete.id, d.date, d.type, d.subType, d.durationMin, d.distanceKm);
    const earlier = inFile.get(key);
    if (existing.has(key) || earlier !== undefined) {
      skippedBy.set(m.athlete.id, (skippedBy.get(m.athlete.id) ?? 0) + 1);
      const reason = earlier !== undefined ? `The same session as row ${earlier}: skipped` : `${m.athlete.name} already has this session: skipped`;
      return { ...base, status: "duplicate", reason };
    }
    inFile.set(key, m.row.row);
    adds.push({ athlete: m.athlete, draft: d });
    return { ...base, status: "add", reason: null };
  });
  const counts = {
    add: adds.length,
    duplicate: rows.filter((r) => r.status === "duplicate").length,
    rejected: rows.filter((r) => r.status === "rejected").length,
  };
  return { preview: { rows, counts, ignoredColumns: file.ignoredColumns }, adds, skippedBy };
}

/**
 * Reads a squad training log and says, row by row, what a commit would add, skip as a duplicate or reject
 * and why. Writes nothing.
 */
export async function previewSquadLog(viewer: Viewer, squadId: string, bytes: Uint8Array, now = new Date()): Promise<LogPreview> {
  assertCoachOf(viewer, squadId);
  return (await planSquadLog(db(), viewer, squadId, bytes, now)).preview;
}

/**
 * Adds the rows a preview of the same file listed as to be added, all in one transaction: one import per
 * athlete (marked as entered by the coach, so the athlete sees it and can remove it), their sessions,
 * their daily totals and an audit entry each. `expected` is the preview's count: when the squad's log
 * changed since, nothing is added and the coach previews again.
 */
export async function commitSquadLog(
  viewer: Viewer,
  squadId: string,
  bytes: Uint8Array,
  expected: number,
  now = new Date(),
): Promise<{ created: number; athletes: number }> {
  assertCoachOf(viewer, squadId);
  return db().$transaction(
    async (tx) => {
      const plan = await planSquadLog(tx, viewer, squadId, bytes, now);
      if (plan.adds.length === 0) throw new ValidationError("Nothing to add: every row is a duplicate or was rejected.");
      if (plan.adds.length !== expected) {
        throw new ValidationError("The squad's training log changed since the preview, so nothing was added. Preview the file again.");
      }
      const byAthlete = new Map<string, { athlete: SquadAthlete; drafts: LogRowDraft[] }>();
      for (const { athlete, draft } of plan.adds) {
        const entry = byAthlete.get(athlete.id) ?? { athlete, drafts: [] };
        entry.drafts.push(draft);
        byAthlete.set(athlete.id, entry);
      }
      const touched = new Map<string, Set<string>>();
      for (const { athlete, drafts } of byAthlete.values()) {
        const batch = await tx.importBatch.create({
          data: {
            userId: athlete.id,
            status: "COMMITTED",
            fileCount: 1,
            createdCount: drafts.length,
            skippedCount: plan.skippedBy.get(athlete.id) ?? 0,
            enteredById: viewer.id,
            summary: { squadId, kind: "squad-log" },
          },
          select: { id: true },
        });
        await tx.trainingSession.createMany({
          data: drafts.map((d) => ({
            userId: athlete.id,
            localDate: toDbDate(d.date),
            type: d.type,
            subType: d.subType,
            durationMin: d.durationMin,
            distanceKm: d.distanceKm,
            rpe: d.rpe,
            notes: d.notes,
            source: "MANUAL" as const,
            enteredById: viewer.id,
            importBatchId: batch.id,
          })),
        });
        for (const d of drafts) touch(touched, athlete.id, d.date);
        await recordAudit(
          {
            actorId: viewer.id,
            squadId,
            subjectUserId: athlete.id,
            action: "import.squad-log",
            entity: "ImportBatch",
            entityId: batch.id,
            meta: { created: drafts.length },
          },
          tx,
        );
      }
      await rebuildTouched(tx, touched);
      return { created: plan.adds.length, athletes: byAthlete.size };
    },
    { timeout: 120_000 },
  );
}
