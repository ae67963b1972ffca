import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import { releasePreviewSlot, takePreviewSlot, type PreviewSlot } from "@/lib/imports/in-flight";
import { commitImport, previewImport, type ImportPreview, type UploadedFile } from "@/lib/imports/store";
import type { SportChoices } from "@/lib/imports/sport-choices";
import type { ImportTarget } from "@/lib/imports/target";

// The import route handlers' writes. Whose import it is comes from importTarget, which checks the viewer's access.

/** One of the viewer's preview slots (see takePreviewSlot), or null when all are held. */
export async function takeImportPreviewSlot(viewer: Viewer): Promise<PreviewSlot | null> {
  return takePreviewSlot(db(), viewer.id);
}

export async function releaseImportPreviewSlot(slot: PreviewSlot): Promise<void> {
  await releasePreviewSlot(db(), slot);
}

/** Previews an upload for the target of importTarget (see previewImport). */
export async function previewImportFor(target: ImportTarget, files: UploadedFile[]): Promise<ImportPreview> {
  return previewImport(db(), target.userId, files, target.timeZone, undefined, target.enteredById);
}

/** Commits a previewed batch of the target of importTarget (see commitImport). */
export async function commitImportFor(target: ImportTarget, batchId: string, choices: SportChoices): ReturnType<typeof commitImport> {
  return commitImport(db(), target.userId, batchId, new Date(), choices, target.enteredById);
}
