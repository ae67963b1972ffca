import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth/permissions";
import { AccountLinkedElsewhereError, connectProvider, disconnectProvider, grantsActivityRead, isBackfillMonths, type BackfillMonths } from "@/lib/sync/connections";
import { ProviderError, type ProviderId } from "@/lib/sync/providers/types";
import type { SyncEvent } from "@/lib/sync/providers/events";
import { providerClient } from "@/lib/sync/providers";
import { kickSync, syncDeps } from "@/lib/sync/runtime";
import { checkState, createState } from "@/lib/sync/state";
import { acceptSyncEvent } from "@/lib/sync/webhook";

// The sync route handlers' and actions' writes; each checks that the viewer is an athlete connecting their own account.

export const callbackPath = (provider: ProviderId) => `/api/sync/${provider}/callback`;

/** Where the provider sends the athlete back: under AUTH_URL when set (what the provider has registered), else this request's origin. */
export function redirectUriFor(provider: ProviderId, requestOrigin: string): string {
  return new URL(callbackPath(provider), env().AUTH_URL ?? requestOrigin).toString();
}

const stateSecret = () => env().AUTH_SECRET ?? "";

/** The provider's consent page for this athlete, or null when they cannot connect it (not an athlete, not configured). */
export function connectUrl(viewer: Viewer, provider: ProviderId, months: number, requestOrigin: string): string | null {
  const client = providerClient(provider);
  if (!client || !viewer.hasAthleteProfile || !viewer.sessionId || !isBackfillMonths(months)) return null;
  const state = createState(stateSecret(), { userId: viewer.id, sessionId: viewer.sessionId, provider, months });
  return client.authorizeUrl({ state, redirectUri: redirectUriFor(provider, requestOrigin) });
}

/** What the callback did, shown on the settings page as ?sync=<outcome>. */
export type ConnectOutcome = "connected" | "denied" | "bad_state" | "scope_missing" | "refused" | "unavailable" | "taken" | "off";

export async function finishConnect(
  viewer: Viewer,
  provider: ProviderId,
  query: URLSearchParams,
  requestOrigin: string,
): Promise<ConnectOutcome> {
  const client = providerClient(provider);
  if (!client) return "off";
  const checked = viewer.sessionId
    ? checkState(stateSecret(), query.get("state"), { userId: viewer.id, sessionId: viewer.sessionId, provider })
    : null;
  if (!checked || !isBackfillMonths(checked.months) || !viewer.hasAthleteProfile) return "bad_state";
  if (query.get("error")) return "denied";
  const code = query.get("code");
  if (!code || code.length > 500) return "bad_state";
  let tokens;
  try {
    tokens = await client.exchangeCode({ code, redirectUri: redirectUriFor(provider, requestOrigin) });
  } catch (e) {
    if (e instanceof ProviderError) return e.kind === "auth" ? "refused" : "unavailable";
    throw e;
  }
  // Strava says what the athlete actually granted on the callback (they can untick private activities).
  const scope = query.get("scope") ?? tokens.scope;
  if (!grantsActivityRead(provider, scope)) {
    await client.deauthorize(tokens).catch(() => undefined);
    return "scope_missing";
  }
  try {
    await connectProvider(db(), syncDeps, { userId: viewer.id, provider, tokens: { ...tokens, scope }, months: checked.months as BackfillMonths });
  } catch (e) {
    if (e instanceof AccountLinkedElsewhereError) return "taken";
    throw e;
  }
  kickSync();
  return "connected";
}

/** Connects Intervals.icu with the athlete's personal API key, checked with one call. */
export async function connectIntervalsKey(viewer: Viewer, input: { athleteId: string; apiKey: string; months: BackfillMonths }): Promise<ConnectOutcome> {
  const client = providerClient("intervals");
  if (!client) return "off";
  if (!viewer.hasAthleteProfile) return "bad_state";
  let tokens;
  try {
    tokens = await client.connectApiKey({ athleteId: input.athleteId, apiKey: input.apiKey });
  } catch (e) {
    if (e instanceof ProviderError) return e.kind === "auth" || e.kind === "not-found" ? "refused" : "unavailable";
    throw e;
  }
  try {
    await connectProvider(db(), syncDeps, { userId: viewer.id, provider: "intervals", tokens, months: input.months });
  } catch (e) {
    if (e instanceof AccountLinkedElsewhereError) return "taken";
    throw e;
  }
  kickSync();
  return "connected";
}

export async function disconnectFor(viewer: Viewer, provider: ProviderId, removeSessions: boolean) {
  const result = await disconnectProvider(db(), syncDeps, { userId: viewer.id, provider, removeSessions });
  // Removed sessions make the other connections read those days again (connections.ts, refillOthers).
  if (result && result.removed > 0) kickSync();
  return result;
}

/** Queues a provider event and wakes the worker; the webhook answers before any provider call. */
export async function acceptEvent(event: SyncEvent) {
  const outcome = await acceptSyncEvent(db(), event);
  if (outcome === "queued") kickSync();
  return outcome;
}
