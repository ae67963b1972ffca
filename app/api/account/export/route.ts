import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { buildPersonalDataZip } from "@/lib/account-data/export";

export const dynamic = "force-dynamic";

/** The signed-in person's own data as a zip (JSON and CSV). */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) {
    return NextResponse.json({ error: { message: "Please log in", code: "unauthenticated", status: 401 } }, { status: 401 });
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
