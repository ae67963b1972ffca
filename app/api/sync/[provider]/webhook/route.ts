import { NextResponse, type NextRequest } from "next/server";
import { readTextWithin } from "@/lib/request-body";
import { acceptEvent } from "@/lib/sync/mutations";
import { MAX_WEBHOOK_BYTES, parseIntervalsWebhook, parseStravaEvent, stravaHandshakeAnswer } from "@/lib/sync/providers/events";
import { syncSettings } from "@/lib/sync/settings";

export const dynamic = "force-dynamic";

const refuse = (status: number, error: string) => NextResponse.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

/** Strava's subscription handshake: the challenge echoed back when the verify token is ours. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const strava = syncSettings().strava;
  if (provider !== "strava" || !strava) return refuse(404, "not found");
  const answer = stravaHandshakeAnswer(request.nextUrl.searchParams, strava.verifyToken);
  if (!answer) return refuse(403, "wrong verify token or not a subscription request");
  return NextResponse.json(answer, { headers: { "Cache-Control": "no-store" } });
}

/**
 * Provider events: read within a byte budget, checked strictly, queued, answered at once (Strava wants a
 * 200 within two seconds). Anything malformed or unauthenticated is refused with a 4xx and changes nothing.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const settings = syncSettings();
  const configured = provider === "strava" ? settings.strava !== null : provider === "intervals" ? settings.intervals?.webhookSecret != null : false;
  if (!configured) return refuse(404, "not found");
  const text = await readTextWithin(request, MAX_WEBHOOK_BYTES);
  if (text === null) return refuse(413, "body too large or unreadable");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(400, "not JSON");
  }
  if (provider === "strava") {
    const parsed = parseStravaEvent(body);
    if (!parsed.ok) return refuse(400, parsed.error);
    // Strava does not sign events; naming the app's one subscription at least refuses events made up without it.
    const subscriptionId = settings.strava!.subscriptionId;
    if (subscriptionId !== null && parsed.subscriptionId !== subscriptionId) return refuse(403, "not this app's subscription");
    if (parsed.event) await acceptEvent(parsed.event);
    return NextResponse.json({ ok: true });
  }
  const parsed = parseIntervalsWebhook(body, settings.intervals!.webhookSecret!);
  if (!parsed.ok) return refuse(parsed.error === "wrong webhook secret" ? 403 : 400, parsed.error);
  for (const event of parsed.events) await acceptEvent(event);
  return NextResponse.json({ ok: true });
}
