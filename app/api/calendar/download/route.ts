import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/http-errors";
import { getViewer } from "@/lib/auth/viewer";
import { calendarForViewer } from "@/lib/calendar/feeds";

export const dynamic = "force-dynamic";

/** A one-off .ics file of the signed-in person's own plan. */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) {
    return errorResponse(request, { message: "Please log in", code: "unauthenticated", status: 401 });
  }
  const body = await calendarForViewer(viewer, request.nextUrl.host);
  return new NextResponse(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="backbone-plan.ics"',
      "Cache-Control": "private, no-store",
    },
  });
}
