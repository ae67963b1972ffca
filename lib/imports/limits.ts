import type { ImportIssue } from "./types";

const MB = 1024 * 1024;

/** Largest single activity file (FIT, GPX, TCX, CSV) accepted; a 24-hour 1 Hz GPX with HR is about 15 MB. */
export const MAX_FILE_BYTES = 25 * MB;
/** Largest upload: all files of one batch together, and any single zip archive. */
export const MAX_BATCH_BYTES = 100 * MB;
/** Most bytes that the archives (zip, gzip) of one upload may expand to. */
export const MAX_UNCOMPRESSED_BYTES = 500 * MB;
/** Most entries one zip archive may list; a ten-year Strava export holds a few thousand. */
export const MAX_ARCHIVE_ENTRIES = 20_000;
/**
 * Most that one compressed file (an archive entry, a .gz) may expand relative to its compressed size.
 * Real activity files and CSVs compress 2 to 20 times; archive bombs thousands of times.
 */
export const MAX_INFLATE_RATIO = 100;
/** Files expanding to less than this are not held to the ratio (tiny files compress oddly). */
export const RATIO_CHECK_FROM_BYTES = 1 * MB;
/** Longest one upload may take to read; what is left after it is reported, not read. */
export const MAX_READ_SECONDS = 20;
/** Problems listed per uploaded file; the rest are counted in one line. */
export const MAX_LISTED_ISSUES = 1000;

/**
 * What one upload may still cost, shared by all its files and the archives nested in them: bytes its
 * archives and .gz files may expand to, archive entries it may list, and when reading must stop.
 */
export type UploadBudget = { uncompressedLeft: number; entriesLeft: number; deadline: number };

export function newUploadBudget(now = Date.now()): UploadBudget {
  return { uncompressedLeft: MAX_UNCOMPRESSED_BYTES, entriesLeft: MAX_ARCHIVE_ENTRIES, deadline: now + MAX_READ_SECONDS * 1000 };
}

/** Previews one person may have running at once; more wait for one to finish. */
export const MAX_PREVIEWS_IN_FLIGHT = 2;

export function isArchiveName(name: string): boolean {
  return /\.zip$/i.test(name);
}

/** Megabytes for messages, never rounded down to the limit it exceeds. */
export function formatMb(bytes: number, limit?: number): string {
  const mb = bytes / MB;
  let shown = mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
  if (limit !== undefined && bytes > limit && shown <= limit / MB) shown = Math.ceil(mb * 10) / 10;
  return `${shown} MB`;
}

export function fileSizeIssue(name: string, size: number): ImportIssue | undefined {
  if (size === 0) return { item: name, message: `${name} is empty` };
  if (isArchiveName(name)) {
    if (size > MAX_BATCH_BYTES) {
      return {
        item: name,
        message:
          `${name} is ${formatMb(size, MAX_BATCH_BYTES)}; the limit is ${formatMb(MAX_BATCH_BYTES)} per upload ` +
          "(from a Strava export, upload activities.csv on its own)",
      };
    }
    return undefined;
  }
  if (size > MAX_FILE_BYTES) {
    return { item: name, message: `${name} is ${formatMb(size, MAX_FILE_BYTES)}; the limit is ${formatMb(MAX_FILE_BYTES)} per file` };
  }
  return undefined;
}

/** Refusals for an upload before any byte of it is read: each file on its own, then the batch as a whole. */
export function checkUploadSizes(files: { name: string; size: number }[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const f of files) {
    const issue = fileSizeIssue(f.name, f.size);
    if (issue) issues.push(issue);
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (files.length > 1 && total > MAX_BATCH_BYTES) {
    issues.push({
      item: "upload",
      message: `These ${files.length} files add up to ${formatMb(total, MAX_BATCH_BYTES)}; the limit is ${formatMb(MAX_BATCH_BYTES)} per upload`,
    });
  }
  return issues;
}
