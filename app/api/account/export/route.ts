import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/http-errors";
import { getViewer } from "@/lib/auth/viewer";
import { buildPersonalDataZip } from "@/lib/account-data/export";

export const dynamic = "force-dynamic";

/** The signed-in person's own data as a zip (JSON and CSV). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) {
    return errorResponse(request, { message: "Please log in", code: "unauthenticated", status: 401 });
  }
  const zip = await buildPersonalDataZip(viewer);
  return new NextResponse(Buffer.from(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": 'attachment; filename="backbone-my-data.zip"',
      "Cache-Control": "private, no-store",
    },
  });
}
