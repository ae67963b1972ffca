"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { isAthlete } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formObject, parseWith, runForm, type FormState } from "@/lib/forms";
import { idSchema } from "@/lib/input-schemas";
import { ImportNotUndoableError, undoImport } from "@/lib/imports/store";

const undoSchema = z.object({ batchId: idSchema });

/** Removes one of the athlete's committed imports as a whole (see undoImport). */
export async function undoImportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    if (!isAthlete(viewer)) throw new NotFoundError("Page not found");
    const { batchId } = parseWith(undoSchema, formObject(formData));
    try {
      const { removed } = await undoImport(db(), viewer.id, batchId);
      revalidatePath("/athlete", "layout");
      return { status: "ok", message: `Import removed: ${removed} session${removed === 1 ? "" : "s"} deleted and your totals updated.` };
    } catch (error) {
      if (error instanceof ImportNotUndoableError) throw new NotFoundError(error.message);
      throw error;
    }
  });
}
