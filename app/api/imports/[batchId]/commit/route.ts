import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { commitImport, ImportBatchGoneError } from "@/lib/imports/store";

export const dynamic = "force-dynamic";
export const maxDuration = 120;

const error = (message: string, code: string, status: number) =>
  NextResponse.json({ error: { message, code, status } }, { status });

/** Creates the sessions of one of the viewer's previewed imports, all in one transaction. */
export async function POST(_request: Request, { params }: { params: Promise<{ batchId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return error("Please log in", "unauthenticated", 401);
  const { batchId } = await params;
  try {
    const result = await commitImport(db(), viewer.id, batchId.slice(0, 64));
    return NextResponse.json(result);
  } catch (e) {
    if (e instanceof ImportBatchGoneError) return error(e.message, "not_found", 404);
    console.error(e);
    return error("The import failed and nothing was saved. Please try again.", "internal", 500);
  }
}
