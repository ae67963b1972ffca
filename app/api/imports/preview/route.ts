import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { MAX_BATCH_BYTES, MAX_FILE_BYTES } from "@/lib/imports";
import { previewImportFor, releaseImportPreviewSlot, takeImportPreviewSlot } from "@/lib/imports/mutations";
import { importTarget } from "@/lib/imports/target";
import { NotFoundError } from "@/lib/errors";
import { errorResponse } from "@/lib/http-errors";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { localizeServerMessage } from "@/lib/i18n/server-messages";
import { translatorFor } from "@/lib/i18n/catalogue";

export const dynamic = "force-dynamic";
export const maxDuration = 120;

/** Reads uploaded activity files and answers what an import would create, skip or reject. Writes no session. */
export async function POST(request: NextRequest) {
  const viewer = await getViewer();
  // The person's language: their setting, else their browser's; errors and the preview's reasons are in it.
  const locale = resolveLocale(viewer?.locale, request.headers.get("accept-language"));
  const error = (message: string, code: string, status: number) => errorResponse(request, { message, code, status }, locale);
  if (!viewer) return error("Please log in", "unauthenticated", 401);
  const declared = request.headers.get("content-length");
  // Without a declared length the body could be of any size; browsers always send one for forms.
  if (declared === null) return error("The upload must declare its size. Choose the files again and retry.", "length_required", 411);
  const length = Number(declared);
  // Multipart framing adds a little to the files themselves.
  if (length > MAX_BATCH_BYTES + 1024 * 1024) {
    return error(
      `This upload is ${(length / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_BATCH_BYTES / 1024 / 1024} MB per upload (${MAX_FILE_BYTES / 1024 / 1024} MB per file). From a Strava export, upload activities.csv on its own.`,
      "too_large",
      413,
    );
  }
  // Each preview holds its upload in memory and works the CPU: two at a time per person is plenty.
  const slot = await takeImportPreviewSlot(viewer);
  if (!slot) return error("Two of your imports are still being read. Wait for one to finish, then try again.", "busy", 429);
  try {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return error("The upload could not be read. Choose the files again and retry.", "bad_upload", 422);
    }
    let target;
    try {
      target = await importTarget(viewer, form.get("squadId"), form.get("athleteId"));
    } catch (e) {
      if (e instanceof NotFoundError) return error("Athlete not found", "not_found", 404);
      throw e;
    }
    const files = form.getAll("files").filter((f): f is File => typeof f === "object" && "arrayBuffer" in f);
    if (files.length === 0) return error("Choose at least one file to import.", "no_files", 422);
    const uploads = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const preview = await previewImportFor(target, uploads);
    const t = translatorFor(locale, "imports");
    // A CSV row's label ("activities.csv row 4", see rowItem) and each reason in the person's language.
    const item = (label: string) => label.replace(/^(.+) row (\d+)$/, (_, file: string, row: string) => t("rowItem", { file, row }));
    const items = preview.items.map((i) => ({ ...i, item: item(i.item), ...("reason" in i ? { reason: localizeServerMessage(i.reason, locale) } : {}) }));
    return NextResponse.json({ ...preview, items }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    console.error(e);
    return error("Something went wrong while reading the files. Nothing was imported.", "internal", 500);
  } finally {
    await releaseImportPreviewSlot(slot);
  }
}
