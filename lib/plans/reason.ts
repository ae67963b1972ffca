/**
 * Why a planned session was planned. A session added from a suggestion (or a template) stores its reason
 * twice: as English text in `reason` (what older rows have, and what the audit trail reads) and as the
 * engine's message parts in `reasonParts`, which are worded in the reader's language when shown.
 */
import type { EngineText } from "@/lib/i18n/engine-text";
import type { EngineMessage, MessageParam } from "@/lib/training-load/types";
import { textInUnit } from "@/lib/units";

/** Stored parts are bounded: a reason has a handful of sentences, each with a few parameters. */
const MAX_PARTS = 20;
const MAX_PARAMS = 20;
const MAX_TEXT = 200;

function isParam(v: unknown): v is MessageParam {
  if (v === null || typeof v === "number") return v === null || Number.isFinite(v);
  if (typeof v === "string") return v.length <= MAX_TEXT;
  return Array.isArray(v) && v.length <= MAX_PARAMS && v.every((x) => typeof x === "string" && x.length <= MAX_TEXT);
}

/** The stored reason parts, or null when the column is empty or does not hold well-formed parts. */
export function readReasonParts(json: unknown): EngineMessage[] | null {
  if (!Array.isArray(json) || json.length === 0 || json.length > MAX_PARTS) return null;
  const out: EngineMessage[] = [];
  for (const item of json) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return null;
    const { code, params } = item as { code?: unknown; params?: unknown };
    if (typeof code !== "string" || code.length === 0 || code.length > 80) return null;
    if (typeof params !== "object" || params === null || Array.isArray(params)) return null;
    const entries = Object.entries(params);
    if (entries.length > MAX_PARAMS || !entries.every(([, v]) => isParam(v))) return null;
    out.push({ code, params: Object.fromEntries(entries) as Record<string, MessageParam> });
  }
  return out;
}

/** The reason of a session planned from a template. */
export function templateReasonParts(templateName: string): EngineMessage[] {
  return [{ code: "from-template", params: { template: templateName } }];
}

/**
 * A planned session's reason for a reader: its parts in the reader's language (distances in their unit),
 * else the stored English text (distances in their unit), else null.
 */
export function plannedReasonText(row: { reason: string | null; reasonParts?: EngineMessage[] | null }, words: EngineText): string | null {
  if (row.reasonParts && row.reasonParts.length > 0) return words.suggestionReason(row.reasonParts);
  return row.reason ? textInUnit(row.reason, words.unit) : null;
}
