import { createHash } from "node:crypto";
import { stripControlCharacters } from "@/lib/control-characters";
import { localDateOf } from "./time";
import type { SportMapping } from "./sport";
import type { ImportSource, ParsedSession } from "./types";
import { roundTo } from "./values";
import { reviewReasonOf } from "./plausibility";

export interface SessionDraft {
  sport: SportMapping;
  /** The source's own name for the sport, kept for the sport mapping of the preview. */
  sourceSport?: string;
  /** Epoch ms of the start, when the source knows the instant. */
  startMs?: number;
  /** Calendar day to use as is (a source that only knows local wall time); otherwise derived from startMs. */
  date?: string;
  durationS: number;
  movingS?: number;
  distanceM?: number;
  elevationGainM?: number;
  avgHr?: number;
  externalId?: string;
  source: ImportSource;
  name?: string;
  sourceFile: string;
}

/**
 * The summary that identifies an activity whichever file it came from. The start is cut to the minute
 * because formats disagree on sub-second precision, and a FIT session may start a second before the first
 * GPX point of the same run.
 */
export function contentHashOf(s: Pick<ParsedSession, "type" | "startTime" | "date" | "durationMin" | "distanceKm">): string {
  const when = s.startTime ? `${s.startTime.slice(0, 16)}Z` : s.date;
  const canonical = [s.type, when, Math.round(s.durationMin), Math.round((s.distanceKm ?? 0) * 100)].join("|");
  return createHash("sha256").update(canonical).digest("hex");
}

const finite = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n);

export function finishSession(d: SessionDraft, timeZone: string): ParsedSession {
  const date = d.date ?? localDateOf(d.startMs as number, timeZone);
  const s: ParsedSession = {
    date,
    type: d.sport.type,
    durationMin: roundTo(d.durationS / 60, 2),
    source: d.source,
    // File names and activity names come from files, not from a person at a form: control characters
    // (which the database refuses, NUL above all) are dropped instead of failing the import.
    sourceFile: stripControlCharacters(d.sourceFile, { multiline: false }),
  };
  if (d.externalId) s.externalId = stripControlCharacters(d.externalId, { multiline: false });
  if (finite(d.startMs)) s.startTime = new Date(d.startMs).toISOString();
  if (d.sport.type === "CROSS_TRAINING") s.subType = d.sport.subType ?? "OTHER";
  const sourceSport = d.sourceSport && stripControlCharacters(d.sourceSport, { multiline: false }).trim().slice(0, 80);
  if (sourceSport) s.sourceSport = sourceSport;
  if (finite(d.movingS) && d.movingS > 0) s.movingMin = roundTo(Math.min(d.movingS, d.durationS) / 60, 2);
  if (finite(d.distanceM) && d.distanceM > 0) s.distanceKm = roundTo(d.distanceM / 1000, 3);
  if (finite(d.elevationGainM) && d.elevationGainM >= 0) s.elevationGainM = roundTo(d.elevationGainM, 1);
  if (finite(d.avgHr) && d.avgHr > 0) s.avgHr = Math.round(d.avgHr);
  const name = d.name && stripControlCharacters(d.name, { multiline: true }).trim();
  if (name) s.name = name;
  s.contentHash = contentHashOf(s);
  const review = reviewReasonOf(s);
  if (review) s.reviewReason = review;
  return s;
}
