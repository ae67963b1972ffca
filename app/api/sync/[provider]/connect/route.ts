import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http-errors";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { connectUrl } from "@/lib/sync/mutations";
import { isProviderId, requestOrigin } from "@/lib/sync/provider-ids";

export const dynamic = "force-dynamic";

/** Sends the athlete to the provider's consent page, with a signed state bound to their login session. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const origin = requestOrigin(request.headers, request.nextUrl.origin);
  const viewer = await getViewer();
  const locale = resolveLocale(viewer?.locale, request.headers.get("accept-language"));
  if (!viewer) return NextResponse.redirect(new URL("/login", origin), 303);
  const months = Number(request.nextUrl.searchParams.get("months") ?? "12");
  const url = isProviderId(provider) ? connectUrl(viewer, provider, months, origin) : null;
  if (!url) return errorResponse(request, { message: "Not found", code: "not_found", status: 404 }, locale);
  return NextResponse.redirect(url, 303);
}
