import { gunzipSync } from "node:zlib";
import { csvIssues, parseActivitiesCsv, rowItem, type CsvRow } from "./csv";
import { describeUnexpected, ImportFailure } from "./errors";
import { parseFit } from "./fit";
import { parseGpx } from "./gpx";
import {
  formatMb,
  MAX_BATCH_BYTES,
  MAX_FILE_BYTES,
  MAX_INFLATE_RATIO,
  MAX_READ_SECONDS,
  MAX_UNCOMPRESSED_BYTES,
  newUploadBudget,
  RATIO_CHECK_FROM_BYTES,
  type UploadBudget,
} from "./limits";
import { finishSession, type SessionDraft } from "./session";
import { parseTcx } from "./tcx";
import { EntryRefused, refusalOf, ZipArchive, type ZipEntry } from "./zip";
import type { ImportIssue, ImportSource, ParsedSession, ParseOptions } from "./types";

type Kind = "fit" | "gpx" | "tcx" | "csv" | "zip";

const KINDS: Record<string, Kind> = { fit: "fit", gpx: "gpx", tcx: "tcx", csv: "csv", zip: "zip" };
/** Archives inside archives are opened this deep (Garmin's data export nests its uploaded files one level). */
const MAX_ARCHIVE_DEPTH = 2;
/** How many damaged entries of one archive are skipped before the rest of it is given up. */
const MAX_DAMAGED_ENTRIES = 5;
/** Hand the event loop back this often while reading a large archive, so one upload never stalls a server. */
const YIELD_EVERY_ENTRIES = 25;

export const UNSUPPORTED_MESSAGE = "Unsupported file type: expected .fit, .gpx, .tcx, .csv or .zip (optionally .gz)";

interface Context {
  timeZone: string;
  sessions: ParsedSession[];
  errors: ImportIssue[];
  /** What the upload may still cost (shared by its files). */
  budget: UploadBudget;
  /** Archive entries found damaged (or refused after inflating) so far. */
  damagedEntries: number;
  onProgress?: ParseOptions["onProgress"];
}

interface EntryOverrides {
  source?: ImportSource;
  externalId?: string;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Kind from the extension, ".gz" peeled off first: "123.fit.gz" is a gzipped FIT file. */
function kindOf(name: string): { kind: Kind; gzipped: boolean } | undefined {
  let lower = baseName(name).toLowerCase();
  const gzipped = lower.endsWith(".gz");
  if (gzipped) lower = lower.slice(0, -3);
  const dot = lower.lastIndexOf(".");
  const kind = dot === -1 ? undefined : KINDS[lower.slice(dot + 1)];
  return kind ? { kind, gzipped } : undefined;
}

/**
 * A .gz file's content, stopped by zlib as soon as it passes the smallest of: what the inner kind may be,
 * what the upload may still expand to, and MAX_INFLATE_RATIO times the compressed size.
 */
function gunzip(bytes: Uint8Array, ctx: Context, name: string, innerLimit: number): Uint8Array {
  const ratioLimit = Math.max(RATIO_CHECK_FROM_BYTES, bytes.length * MAX_INFLATE_RATIO);
  const limit = Math.min(ctx.budget.uncompressedLeft, innerLimit, ratioLimit);
  let out: Uint8Array;
  try {
    out = gunzipSync(bytes, { maxOutputLength: Math.max(1, limit) });
  } catch (err) {
    const code = (err as { code?: string }).code;
    // zlib produced up to `limit` bytes before stopping: that work counts against the upload.
    ctx.budget.uncompressedLeft = Math.max(0, ctx.budget.uncompressedLeft - limit);
    ctx.damagedEntries++;
    if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
      if (limit === ratioLimit && limit < Math.min(ctx.budget.uncompressedLeft, innerLimit)) {
        throw new ImportFailure(`${baseName(name)} expands more than ${MAX_INFLATE_RATIO} times its size; it was not unpacked`);
      }
      if (limit === innerLimit) throw new ImportFailure(`${baseName(name)} expands to more than ${formatMb(limit)}, the limit per file`);
      throw new ImportFailure(`${baseName(name)} expands to more than ${formatMb(limit)}, more than an upload may hold`);
    }
    throw new ImportFailure("This .gz file is damaged or is not gzip data");
  }
  ctx.budget.uncompressedLeft -= out.length;
  return out;
}

function draftsToSessions(drafts: SessionDraft[], ctx: Context, overrides: EntryOverrides): ParsedSession[] {
  return drafts.map((d) =>
    finishSession(
      { ...d, source: overrides.source ?? d.source, externalId: overrides.externalId ?? d.externalId },
      ctx.timeZone,
    ),
  );
}

/** Sessions of one activity file; throws ImportFailure for anything the athlete should hear about. */
function readActivityFile(kind: Exclude<Kind, "zip" | "csv">, bytes: Uint8Array, item: string, ctx: Context, o: EntryOverrides) {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new ImportFailure(`This file is ${formatMb(bytes.length, MAX_FILE_BYTES)}; the limit is ${formatMb(MAX_FILE_BYTES)} per file`);
  }
  const drafts = kind === "fit" ? parseFit(bytes, item) : kind === "gpx" ? parseGpx(bytes, item) : parseTcx(bytes, item);
  return draftsToSessions(drafts, ctx, o);
}

/**
 * Parses one named file (which may be an archive) into the context. Every failure becomes an error entry
 * for this item; nothing propagates.
 */
export async function parseEntry(
  name: string,
  bytes: Uint8Array,
  item: string,
  ctx: Context,
  depth: number,
  overrides: EntryOverrides = {},
): Promise<void> {
  try {
    const kind = kindOf(name);
    if (!kind) throw new ImportFailure(UNSUPPORTED_MESSAGE);
    if (bytes.length === 0) throw new ImportFailure("This file is empty");
    const data = kind.gzipped ? gunzip(bytes, ctx, name, kind.kind === "zip" ? MAX_BATCH_BYTES : MAX_FILE_BYTES) : bytes;
    if (kind.kind === "zip") {
      if (depth >= MAX_ARCHIVE_DEPTH) throw new ImportFailure("Archives nested this deep are not opened; upload the inner archive on its own");
      await parseZip(data, item, ctx, depth + 1);
    } else if (kind.kind === "csv") {
      if (data.length > MAX_BATCH_BYTES) {
        throw new ImportFailure(`This file is ${formatMb(data.length, MAX_BATCH_BYTES)}; the limit is ${formatMb(MAX_BATCH_BYTES)}`);
      }
      const { rows } = parseActivitiesCsv(data, item, ctx.timeZone);
      for (const r of rows) if (r.session) ctx.sessions.push(r.session);
      ctx.errors.push(...csvIssues(item, rows));
    } else {
      ctx.sessions.push(...readActivityFile(kind.kind, data, item, ctx, overrides));
    }
  } catch (err) {
    ctx.errors.push({ item, message: err instanceof ImportFailure ? err.message : describeUnexpected(err) });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Zip archives

function isNoise(path: string): boolean {
  const base = baseName(path);
  return path.endsWith("/") || path.startsWith("__MACOSX/") || base.startsWith(".") || base.toLowerCase() === "thumbs.db";
}

/** Most one entry may expand to: an inner archive as much as an upload, anything else as much as a file. */
function entryLimit(name: string): number {
  return kindOf(name)?.kind === "zip" ? MAX_BATCH_BYTES : MAX_FILE_BYTES;
}

/**
 * Inflates one entry within its limit and what is left of the upload's budget. Returns undefined (and
 * records why for the entry) when it is refused or damaged; once the upload's budget is spent, every
 * further entry is refused with the same words.
 */
async function readEntry(zip: ZipArchive, entry: ZipEntry, archiveItem: string, ctx: Context): Promise<Uint8Array | undefined> {
  const item = `${archiveItem}: ${entry.name}`;
  const refusal = refusalOf(entry, entryLimit(entry.name));
  if (refusal) {
    ctx.errors.push({ item, message: refusal });
    return undefined;
  }
  if (entry.declaredSize > ctx.budget.uncompressedLeft) {
    ctx.budget.uncompressedLeft = 0;
    ctx.errors.push({
      item,
      message: `The archive expands to more than ${formatMb(MAX_UNCOMPRESSED_BYTES)}; this file and the ones after it were not read`,
    });
    return undefined;
  }
  try {
    const bytes = await zip.read(entry, entryLimit(entry.name));
    ctx.budget.uncompressedLeft -= bytes.length;
    return bytes;
  } catch (err) {
    ctx.errors.push({ item, message: err instanceof ImportFailure ? err.message : describeUnexpected(err) });
    if (!(err instanceof EntryRefused)) ctx.damagedEntries++;
    return undefined;
  }
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function parseZip(data: Uint8Array, item: string, ctx: Context, depth: number): Promise<void> {
  // The entry limit holds for the whole upload, archives inside archives included.
  const zip = await ZipArchive.open(data, ctx.budget.entriesLeft);
  try {
    ctx.budget.entriesLeft -= zip.entries.length;
    const entries = zip.entries.filter((e) => !isNoise(e.name));
    const csvEntry = entries
      .filter((e) => baseName(e.name).toLowerCase() === "activities.csv")
      .sort((a, b) => a.name.split("/").length - b.name.split("/").length)[0];
    if (csvEntry) {
      const csvBytes = await readEntry(zip, csvEntry, item, ctx);
      if (csvBytes) {
        let rows: CsvRow[] | undefined;
        try {
          const parsed = parseActivitiesCsv(csvBytes, `${item}: ${csvEntry.name}`, ctx.timeZone);
          if (parsed.flavour === "STRAVA") rows = parsed.rows;
        } catch {
          // Not a readable Strava list: the archive is read file by file below, the CSV among them.
        }
        if (rows) return await parseStravaExport(zip, item, ctx, entries, csvEntry.name, rows);
      }
    }
    await parsePlainZip(zip, item, ctx, depth, entries);
  } finally {
    zip.close();
  }
}

/**
 * Reads the wanted entries one at a time, each handed to `handle` and dropped before the next is inflated,
 * so an archive never holds more than one of its files in memory. After MAX_DAMAGED_ENTRIES damaged
 * entries the rest of the archive is given up.
 */
async function eachEntry(
  zip: ZipArchive,
  wanted: ZipEntry[],
  item: string,
  ctx: Context,
  handle: (entry: ZipEntry, bytes: Uint8Array) => Promise<void>,
): Promise<Set<string>> {
  const read = new Set<string>();
  const damagedBefore = ctx.damagedEntries;
  let done = 0;
  for (const [i, entry] of wanted.entries()) {
    if (Date.now() > ctx.budget.deadline) {
      ctx.errors.push({
        item,
        message: `Reading this upload took longer than ${MAX_READ_SECONDS} seconds; ${wanted.length - i} file${wanted.length - i === 1 ? "" : "s"} of this archive were not read. Upload it in smaller parts.`,
      });
      break;
    }
    if (ctx.damagedEntries - damagedBefore >= MAX_DAMAGED_ENTRIES) {
      ctx.errors.push({ item: `${item}: ${entry.name}`, message: "This archive has too many damaged entries; the rest of it was not read" });
      continue;
    }
    if (entry.declaredSize === 0) {
      ctx.errors.push({ item: `${item}: ${entry.name}`, message: "This file is empty" });
      continue;
    }
    const bytes = await readEntry(zip, entry, item, ctx);
    if (bytes) {
      read.add(entry.name);
      await handle(entry, bytes);
    }
    done++;
    ctx.onProgress?.(done, wanted.length);
    if (done % YIELD_EVERY_ENTRIES === 0) await pause();
  }
  return read;
}

async function parsePlainZip(zip: ZipArchive, item: string, ctx: Context, depth: number, entries: ZipEntry[]) {
  const unsupported: string[] = [];
  const wanted: ZipEntry[] = [];
  for (const e of entries) {
    if (kindOf(e.name)) wanted.push(e);
    else unsupported.push(e.name);
  }
  if (unsupported.length > 0) {
    const sample = unsupported.slice(0, 3).map(baseName).join(", ");
    ctx.errors.push({
      item,
      message: `${UNSUPPORTED_MESSAGE}; ${unsupported.length} file${unsupported.length > 1 ? "s" : ""} in the archive skipped (${sample}${unsupported.length > 3 ? ", ..." : ""})`,
    });
  }
  if (wanted.length === 0 && unsupported.length === 0) {
    ctx.errors.push({ item, message: "This zip archive is empty" });
    return;
  }
  await eachEntry(zip, wanted, item, ctx, (entry, bytes) => parseEntry(entry.name, bytes, `${item}: ${entry.name}`, ctx, depth));
}

function dirName(path: string): string {
  const i = path.lastIndexOf("/");
  return i === -1 ? "" : path.slice(0, i + 1);
}

const stravaIdFromPath = (path: string) => /^(\d+)\./.exec(baseName(path))?.[1];

/**
 * A Strava bulk export: activities.csv is the list of record. Each readable row becomes a session and the
 * file it names is not opened (the row already has Strava's own figures, and opening thousands of files
 * would only repeat them). A row that cannot be read falls back to its file, so the activity is not lost;
 * activity files that no row names are read on their own. Everything else in the export (profile, media,
 * other CSVs) is ignored.
 */
async function parseStravaExport(zip: ZipArchive, item: string, ctx: Context, entries: ZipEntry[], csvName: string, rows: CsvRow[]) {
  const csvItem = `${item}: ${csvName}`;
  const root = dirName(csvName);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const named = new Set<string>();
  const fallbacks = new Map<string, CsvRow>();
  for (const r of rows) {
    const path = r.filename ? root + r.filename.replace(/^\/+/, "") : undefined;
    if (path) named.add(path);
    if (r.session) ctx.sessions.push(r.session);
    else if (path && byName.has(path)) fallbacks.set(path, r);
    else if (r.error) ctx.errors.push({ item: rowItem(csvItem, r.row), message: r.error });
  }
  const wanted: ZipEntry[] = [];
  for (const e of entries) {
    const kind = kindOf(e.name);
    const unlisted = e.name.startsWith(`${root}activities/`) && !named.has(e.name) && kind !== undefined && kind.kind !== "zip";
    if (fallbacks.has(e.name) || unlisted) wanted.push(e);
  }
  if (wanted.length === 0) return;
  const read = await eachEntry(zip, wanted, item, ctx, async (entry, bytes) => {
    const name = entry.name;
    const row = fallbacks.get(name);
    const id = row?.stravaId ?? stravaIdFromPath(name);
    const before = ctx.errors.length;
    await parseEntry(name, bytes, `${item}: ${name}`, ctx, MAX_ARCHIVE_DEPTH, {
      source: "STRAVA",
      externalId: id ? `strava:${id}` : undefined,
    });
    if (row && ctx.errors.length > before) {
      const fileError = ctx.errors.splice(before).map((e) => e.message).join("; ");
      ctx.errors.push({ item: rowItem(csvItem, row.row), message: `${row.error}; its file ${name} could not be read either (${fileError})` });
    }
  });
  for (const [path, row] of fallbacks) {
    if (!read.has(path)) ctx.errors.push({ item: rowItem(csvItem, row.row), message: `${row.error}; its file ${path} could not be unpacked either` });
  }
}

export function newContext(options: ParseOptions): Context {
  return {
    timeZone: options.timeZone,
    sessions: [],
    errors: [],
    budget: options.budget ?? newUploadBudget(),
    damagedEntries: 0,
    onProgress: options.onProgress,
  };
}
