import { NextResponse } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { ImportBatchGoneError } from "@/lib/imports/store";
import { commitImportFor } from "@/lib/imports/mutations";
import { readTextWithin } from "@/lib/request-body";
import { importTarget } from "@/lib/imports/target";
import { NotFoundError } from "@/lib/errors";
import { errorResponse } from "@/lib/http-errors";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { MAX_SPORT_CHOICES, SPORT_CHOICES, type SportChoices } from "@/lib/imports/sport-choices";

export const dynamic = "force-dynamic";
export const maxDuration = 120;

/** The body of a commit: a choice per sport key (keys the upload did not hold are ignored). */
const commitBodySchema = z.object({
  // A coach importing for an athlete of their squad names both.
  squadId: z.string().max(64).optional(),
  athleteId: z.string().max(64).optional(),
  choices: z
    .record(z.string().max(80), z.enum(SPORT_CHOICES))
    .refine((r) => Object.keys(r).length <= MAX_SPORT_CHOICES, `At most ${MAX_SPORT_CHOICES} sports per import`)
    .default({}),
});

// A choice per sport is a few dozen bytes; no real upload holds more than a few dozen sports.
const MAX_BODY_BYTES = 32 * 1024;

/** The sport choices of a commit's JSON body, and the athlete a coach imports for; an empty body keeps the preview's mapping. */
async function readBody(request: Request): Promise<{ choices: SportChoices; squadId?: string; athleteId?: string } | string> {
  const text = await readTextWithin(request, MAX_BODY_BYTES);
  if (text === null) return "The sport choices could not be read (too long, or not text). Preview the import again.";
  if (!text.trim()) return { choices: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return "The sport choices are not valid JSON.";
  }
  const parsed = commitBodySchema.safeParse(json);
  if (!parsed.success) return "Each sport needs one of the offered choices. Reload the page and preview again.";
  return parsed.data;
}

/** Creates the sessions of one of the viewer's previewed imports, all in one transaction. */
export async function POST(request: Request, { params }: { params: Promise<{ batchId: string }> }) {
  const viewer = await getViewer();
  const locale = resolveLocale(viewer?.locale, request.headers.get("accept-language"));
  const error = (message: string, code: string, status: number) => errorResponse(request, { message, code, status }, locale);
  if (!viewer) return error("Please log in", "unauthenticated", 401);
  const { batchId } = await params;
  const body = await readBody(request);
  if (typeof body === "string") return error(body, "bad_request", 422);
  try {
    const target = await importTarget(viewer, body.squadId ?? null, body.athleteId ?? null);
    const result = await commitImportFor(target, batchId.slice(0, 64), body.choices);
    return NextResponse.json(result);
  } catch (e) {
    if (e instanceof ImportBatchGoneError) return error(e.message, "not_found", 404);
    if (e instanceof NotFoundError) return error("Athlete not found", "not_found", 404);
    console.error(e);
    return error("The import failed and nothing was saved. Please try again.", "internal", 500);
  }
}
