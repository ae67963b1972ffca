import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { idSchema } from "@/lib/input-schemas";

/** A year of a plan (a leap year included), and no more: bigger files help nobody and cost a lot to build. */
export const MAX_EXPORT_DAYS = 366;

export const PLAN_FORMATS = ["csv", "ics", "pdf"] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

const DAY_MS = 86_400_000;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

// The database knows no year 0; a history's warm-up weeks and a week's Monday reach back from the day asked.
const EARLIEST = "1000-01-01";

// Rejects days that do not exist (2026-02-30), which Date would silently roll over.
const isRealDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return DATE_RE.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
const isUsableDay = (v: string) => isRealDay(v) && v >= EARLIEST;

const isoDate = (label: string) =>
  z
    .string({ error: `${label} is required, as YYYY-MM-DD` })
    .trim()
    .regex(DATE_RE, `${label} must be a date written YYYY-MM-DD`)
    .refine(isRealDay, `${label} is not a real calendar day`)
    .refine((v) => !isRealDay(v) || v >= EARLIEST, `${label} must be in the year 1000 or later`);

const rangeSchema = z
  .object({ from: isoDate("From"), to: isoDate("To") })
  .superRefine((v, ctx) => {
    // Each date's own message says enough when either is unusable.
    if (!isUsableDay(v.from) || !isUsableDay(v.to)) return;
    if (v.from > v.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "To must be on or after From" });
      return;
    }
    const days = (Date.parse(v.to) - Date.parse(v.from)) / DAY_MS + 1;
    if (days > MAX_EXPORT_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `The range covers ${days} days; export at most ${MAX_EXPORT_DAYS} days at a time`,
      });
    }
  });

export type ExportRange = { from: string; to: string };

function formatSchema<const F extends readonly [string, ...string[]]>(formats: F) {
  return z.enum(formats, { error: `Format must be one of: ${formats.join(", ")}` });
}

const optionalId = idSchema
  .optional()
  .or(z.literal("").transform(() => undefined));

function parse<T>(schema: z.ZodType<T>, params: URLSearchParams, keys: string[]): T {
  // Absent parameters are undefined rather than null so that "required" messages apply.
  const input = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "query");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new ValidationError(result.error.issues.map((i) => i.message).join(". "), fieldErrors);
}

/** `from`, `to`, `format` and an optional `athleteId` of a squad plan export. */
export function parsePlanExportQuery(params: URLSearchParams): ExportRange & { format: PlanFormat; athleteId?: string } {
  const schema = rangeSchema.and(z.object({ format: formatSchema(PLAN_FORMATS), athleteId: optionalId }));
  return parse(schema, params, ["from", "to", "format", "athleteId"]);
}

/** `from`, `to` and `format` of an athlete's own plan; the .ics has its own download. */
export function parseOwnPlanExportQuery(params: URLSearchParams): ExportRange & { format: "csv" | "pdf" } {
  const schema = rangeSchema.and(z.object({ format: formatSchema(["csv", "pdf"] as const) }));
  return parse(schema, params, ["from", "to", "format"]);
}

/** `from` and `to` of a load and pain history. */
export function parseHistoryExportQuery(params: URLSearchParams): ExportRange {
  return parse(rangeSchema, params, ["from", "to"]);
}

/** `week`: any day of the week whose workouts are asked for; the week runs Monday to Sunday. */
export function parseWorkoutWeekQuery(params: URLSearchParams): { monday: string } {
  const { week } = parse(z.object({ week: isoDate("Week") }), params, ["week"]);
  const d = new Date(`${week}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return { monday: d.toISOString().slice(0, 10) };
}
