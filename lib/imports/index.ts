import { fileSizeIssue, MAX_LISTED_ISSUES } from "./limits";
import { newContext, parseEntry } from "./parse";
import { assertTimeZone } from "./time";
import type { ImportIssue, ParsedImport, ParsedSession, ParseOptions } from "./types";

export { checkUploadSizes, MAX_ARCHIVE_ENTRIES, MAX_BATCH_BYTES, MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES, newUploadBudget } from "./limits";
export type { UploadBudget } from "./limits";
export { contentHashOf } from "./session";
export type { CrossTrainingMode, ImportIssue, ImportSource, ParsedImport, ParsedSession, ParseOptions, SessionType } from "./types";

function identityKeys(s: ParsedSession): string[] {
  const keys: string[] = [];
  if (s.externalId) keys.push(`id:${s.source ?? ""}:${s.externalId}`);
  if (s.contentHash) keys.push(`hash:${s.contentHash}`);
  return keys;
}

/** Keeps the first of several sessions that are the same activity (same external id, or same content hash). */
function dropRepeats(sessions: ParsedSession[]): { kept: ParsedSession[]; skipped: ImportIssue[] } {
  const seen = new Map<string, ParsedSession>();
  const kept: ParsedSession[] = [];
  const skipped: ImportIssue[] = [];
  for (const s of sessions) {
    const keys = identityKeys(s);
    const first = keys.map((k) => seen.get(k)).find(Boolean);
    if (first) {
      skipped.push({
        item: s.sourceFile ?? s.date,
        message: `Same activity as ${first.sourceFile ?? "another"} in this upload (${s.date}), imported once`,
      });
      continue;
    }
    for (const k of keys) seen.set(k, s);
    kept.push(s);
  }
  return { kept, skipped };
}

/**
 * Reads one uploaded file (FIT, GPX, TCX, Strava or Garmin CSV, or a zip of them; each optionally gzipped)
 * into sessions. Never throws for a bad file: every unreadable file, archive entry or CSV row becomes an
 * entry of `errors` and the rest is still read. Throws a RangeError only for an unknown `timeZone`.
 */
export async function parseActivityFile(fileName: string, bytes: Uint8Array, options: ParseOptions): Promise<ParsedImport> {
  assertTimeZone(options.timeZone);
  const sizeIssue = fileSizeIssue(fileName, bytes.length);
  if (sizeIssue) return { sessions: [], errors: [sizeIssue] };
  const ctx = newContext(options);
  await parseEntry(fileName, bytes, fileName, ctx, 0);
  const { kept, skipped } = dropRepeats(ctx.sessions);
  const errors = listed(ctx.errors, fileName);
  return skipped.length > 0 ? { sessions: kept, errors, skipped } : { sessions: kept, errors };
}

/** The first MAX_LISTED_ISSUES problems, and the count of the rest in one line. */
function listed(issues: ImportIssue[], fileName: string): ImportIssue[] {
  if (issues.length <= MAX_LISTED_ISSUES) return issues;
  const rest = issues.length - MAX_LISTED_ISSUES;
  return [...issues.slice(0, MAX_LISTED_ISSUES), { item: fileName, message: `…and ${rest} more problem${rest === 1 ? "" : "s"} in this file, not listed` }];
}
