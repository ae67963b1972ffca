import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { AppError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { appErrorResponse } from "@/lib/http-errors";
import { SQUAD_LOG_MAX_BYTES } from "@/lib/squad-log/csv";
import { commitSquadLog, previewSquadLog } from "@/lib/squad-log/mutations";

export const dynamic = "force-dynamic";
export const maxDuration = 120;

// Multipart framing and the form's other fields add a little to the file itself.
const MAX_BODY_BYTES = SQUAD_LOG_MAX_BYTES + 64 * 1024;

/**
 * A squad training log CSV, posted as `file` with `intent` = preview (what would be added, skipped or
 * rejected; nothing written) or commit (with `expected`, the preview's count of sessions to add).
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ squadId: string }> }) {
  const fail = (error: AppError) => appErrorResponse(request, error);
  const viewer = await getViewer();
  if (!viewer) return fail(new UnauthenticatedError());
  const { squadId } = await params;
  try {
    const declared = request.headers.get("content-length");
    // Without a declared length the body could be of any size; browsers always send one for forms.
    if (declared === null) return fail(new AppError("The upload must declare its size. Choose the file again and retry.", "length_required", 411));
    if (!(Number(declared) <= MAX_BODY_BYTES)) {
      return fail(new AppError(`This upload is larger than ${SQUAD_LOG_MAX_BYTES / 1024 / 1024} MB, the limit for a training log. Split the file into several.`, "too_large", 413));
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return fail(new ValidationError("The upload could not be read. Choose the file again and retry."));
    }
    const file = form.get("file");
    if (!file || typeof file === "string") return fail(new ValidationError("Choose a CSV file to upload."));
    // What is read is what is checked: the mutations refuse more than the limit, whatever was declared.
    const bytes = new Uint8Array(await file.arrayBuffer());
    const intent = form.get("intent");
    const result =
      intent === "commit"
        ? await commitSquadLog(viewer, squadId, bytes, Number(form.get("expected")))
        : await previewSquadLog(viewer, squadId, bytes);
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return fail(error);
    console.error(error);
    return fail(new AppError("Something went wrong while reading the file. Nothing was added.", "internal", 500));
  }
}
