import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/http-errors";
import { calendarForToken } from "@/lib/calendar/feeds";

export const dynamic = "force-dynamic";

/** The private calendar feed: the secret token in the URL is the only credential. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const name = token.endsWith(".ics") ? token.slice(0, -4) : token;
  const body = await calendarForToken(name, request.nextUrl.host);
  if (body === null) {
    return errorResponse(request, { message: "Not found", code: "not_found", status: 404 });
  }
  return new NextResponse(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
