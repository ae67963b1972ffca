import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http-errors";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { finishConnect } from "@/lib/sync/mutations";
import { isProviderId, requestOrigin } from "@/lib/sync/provider-ids";

export const dynamic = "force-dynamic";

/** The provider sends the athlete back here: the state is checked, the code traded for tokens, the backfill queued. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const origin = requestOrigin(request.headers, request.nextUrl.origin);
  const viewer = await getViewer();
  const locale = resolveLocale(viewer?.locale, request.headers.get("accept-language"));
  if (!viewer) return NextResponse.redirect(new URL("/login", origin), 303);
  if (!isProviderId(provider)) return errorResponse(request, { message: "Not found", code: "not_found", status: 404 }, locale);
  const outcome = await finishConnect(viewer, provider, request.nextUrl.searchParams, origin);
  const back = new URL("/settings", origin);
  back.searchParams.set("sync", outcome);
  back.hash = "connected-services";
  return NextResponse.redirect(back, 303);
}
