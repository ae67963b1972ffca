import { gunzipSync } from "node:zlib";
import { unzipSync, type UnzipFileInfo } from "fflate";
import { csvIssues, parseActivitiesCsv, rowItem, type CsvRow } from "./csv";
import { describeUnexpected, ImportFailure } from "./errors";
import { parseFit } from "./fit";
import { parseGpx } from "./gpx";
import {
  formatMb,
  MAX_ARCHIVE_ENTRIES,
  MAX_BATCH_BYTES,
  MAX_FILE_BYTES,
  MAX_UNCOMPRESSED_BYTES,
} from "./limits";
import { finishSession, type SessionDraft } from "./session";
import { parseTcx } from "./tcx";
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
  /** Bytes that archives of this upload may still expand to. */
  uncompressedLeft: number;
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

function gunzip(bytes: Uint8Array, ctx: Context, name: string): Uint8Array {
  const limit = Math.min(ctx.uncompressedLeft, MAX_BATCH_BYTES);
  let out: Uint8Array;
  try {
    out = gunzipSync(bytes, { maxOutputLength: Math.max(1, limit) });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
      throw new ImportFailure(`${baseName(name)} expands to more than ${formatMb(limit)}, more than an upload may hold`);
    }
    throw new ImportFailure("This .gz file is damaged or is not gzip data");
  }
  ctx.uncompressedLeft -= out.length;
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
    const data = kind.gzipped ? gunzip(bytes, ctx, name) : bytes;
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

/** Lists entries without inflating any. */
function listZip(data: Uint8Array): UnzipFileInfo[] {
  const list: UnzipFileInfo[] = [];
  try {
    unzipSync(data, {
      filter: (info) => {
        list.push(info);
        if (list.length > MAX_ARCHIVE_ENTRIES) throw new ImportFailure(`This archive lists more than ${MAX_ARCHIVE_ENTRIES} files`);
        return false;
      },
    });
  } catch (err) {
    if (err instanceof ImportFailure) throw err;
    throw new ImportFailure("This zip archive is damaged or incomplete (its table of contents could not be read)");
  }
  return list;
}

/**
 * Inflates the wanted entries. The declared sizes are checked before anything is inflated (fflate
 * inflates into a buffer of the declared size, so an entry cannot grow past it). One damaged entry
 * becomes an error for that entry; the archive is then read again without it.
 */
function extract(
  data: Uint8Array,
  wanted: Map<string, UnzipFileInfo>,
  archiveItem: string,
  ctx: Context,
): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const pending = new Map(wanted);
  for (const [name, info] of pending) {
    const tooBig = info.originalSize > MAX_BATCH_BYTES;
    const overBudget = info.originalSize > ctx.uncompressedLeft;
    if (tooBig || overBudget) {
      pending.delete(name);
      ctx.errors.push({
        item: `${archiveItem}: ${name}`,
        message: tooBig
          ? `This file expands to ${formatMb(info.originalSize)}; the limit is ${formatMb(MAX_BATCH_BYTES)}`
          : `The archive expands to more than ${formatMb(MAX_UNCOMPRESSED_BYTES)}; this file and the ones after it were not read`,
      });
      if (overBudget) ctx.uncompressedLeft = 0;
      continue;
    }
    ctx.uncompressedLeft -= info.originalSize;
  }
  for (let attempt = 0; pending.size > 0; attempt++) {
    let current: string | undefined;
    try {
      const files = unzipSync(data, {
        filter: (info) => {
          if (!pending.has(info.name)) return false;
          current = info.name;
          return true;
        },
      });
      for (const [name, bytes] of Object.entries(files)) out.set(name, bytes);
      break;
    } catch {
      if (current === undefined || attempt >= MAX_DAMAGED_ENTRIES) {
        for (const name of pending.keys()) {
          if (!out.has(name)) ctx.errors.push({ item: `${archiveItem}: ${name}`, message: "This archive entry is damaged and could not be unpacked" });
        }
        break;
      }
      ctx.errors.push({ item: `${archiveItem}: ${current}`, message: "This archive entry is damaged and could not be unpacked" });
      pending.delete(current);
    }
  }
  return out;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function parseZip(data: Uint8Array, item: string, ctx: Context, depth: number): Promise<void> {
  const entries = listZip(data).filter((e) => !isNoise(e.name));
  const csvEntry = entries
    .filter((e) => baseName(e.name).toLowerCase() === "activities.csv")
    .sort((a, b) => a.name.split("/").length - b.name.split("/").length)[0];
  if (csvEntry) {
    const csvBytes = extract(data, new Map([[csvEntry.name, csvEntry]]), item, ctx).get(csvEntry.name);
    if (csvBytes) {
      let rows: CsvRow[] | undefined;
      try {
        const parsed = parseActivitiesCsv(csvBytes, `${item}: ${csvEntry.name}`, ctx.timeZone);
        if (parsed.flavour === "STRAVA") rows = parsed.rows;
      } catch {
        // Not a readable Strava list: the archive is read file by file below, the CSV among them.
      }
      if (rows) return parseStravaExport(data, item, ctx, entries, csvEntry.name, rows);
    }
  }
  await parsePlainZip(data, item, ctx, depth, entries);
}

async function parsePlainZip(data: Uint8Array, item: string, ctx: Context, depth: number, entries: UnzipFileInfo[]) {
  const unsupported: string[] = [];
  const wanted = new Map<string, UnzipFileInfo>();
  for (const e of entries) {
    if (kindOf(e.name)) wanted.set(e.name, e);
    else unsupported.push(e.name);
  }
  if (unsupported.length > 0) {
    const sample = unsupported.slice(0, 3).map(baseName).join(", ");
    ctx.errors.push({
      item,
      message: `${UNSUPPORTED_MESSAGE}; ${unsupported.length} file${unsupported.length > 1 ? "s" : ""} in the archive skipped (${sample}${unsupported.length > 3 ? ", ..." : ""})`,
    });
  }
  if (wanted.size === 0 && unsupported.length === 0) {
    ctx.errors.push({ item, message: "This zip archive is empty" });
    return;
  }
  const files = extract(data, wanted, item, ctx);
  let done = 0;
  for (const [name, bytes] of files) {
    await parseEntry(name, bytes, `${item}: ${name}`, ctx, depth);
    done++;
    ctx.onProgress?.(done, files.size);
    if (done % YIELD_EVERY_ENTRIES === 0) await pause();
  }
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
async function parseStravaExport(
  data: Uint8Array,
  item: string,
  ctx: Context,
  entries: UnzipFileInfo[],
  csvName: string,
  rows: CsvRow[],
) {
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
  const wanted = new Map<string, UnzipFileInfo>();
  for (const e of entries) {
    const kind = kindOf(e.name);
    const unlisted = e.name.startsWith(`${root}activities/`) && !named.has(e.name) && kind !== undefined && kind.kind !== "zip";
    if (fallbacks.has(e.name) || unlisted) {
      wanted.set(e.name, e);
    }
  }
  if (wanted.size === 0) return;
  const files = extract(data, wanted, item, ctx);
  let done = 0;
  for (const [name, bytes] of files) {
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
    done++;
    ctx.onProgress?.(done, files.size);
    if (done % YIELD_EVERY_ENTRIES === 0) await pause();
  }
  for (const [path, row] of fallbacks) {
    if (!files.has(path)) ctx.errors.push({ item: rowItem(csvItem, row.row), message: `${row.error}; its file ${path} could not be unpacked either` });
  }
}

export function newContext(options: ParseOptions): Context {
  return {
    timeZone: options.timeZone,
    sessions: [],
    errors: [],
    uncompressedLeft: MAX_UNCOMPRESSED_BYTES,
    onProgress: options.onProgress,
  };
}
