import "server-only";
import { NextResponse } from "next/server";
import { AppError, UnauthenticatedError } from "@/lib/errors";
import { appErrorResponse, errorResponse } from "@/lib/http-errors";
import type { Viewer } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";

export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
  pdf: "application/pdf",
  fit: "application/vnd.ant.fit",
  zip: "application/zip",
} as const;

/** A file name's readable part in plain ASCII, so every browser and mail client keeps it. */
export function fileSlug(value: string): string {
  const slug = value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "export";
}

/** A download: never cached, never shown inline, named after what it holds. */
export function fileResponse(body: string | Uint8Array, format: keyof typeof CONTENT_TYPES, name: string): NextResponse {
  const filename = `${name}.${format}`;
  return new NextResponse(typeof body === "string" ? body : Buffer.from(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * Runs an export for the signed-in viewer. Anonymous callers get 401, anything the viewer may not
 * see 404 and bad parameters 422 (as JSON, or as a page when a browser opened the address); anything
 * else is logged and answered with a 500.
 */
export async function handleExport(request: Request, run: (viewer: Viewer) => Promise<Response>): Promise<Response> {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    return await run(viewer);
  } catch (e) {
    if (e instanceof AppError) return appErrorResponse(request, e);
    console.error(e);
    return errorResponse(request, { message: "The export could not be made. Please try again.", code: "internal", status: 500 });
  }
}
