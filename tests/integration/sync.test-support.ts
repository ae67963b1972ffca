import { randomBytes } from "node:crypto";
import { openTokens, sealTokens } from "@/lib/sync/crypto";
import { ProviderError, type ProviderId, type ActivityPage, type ProviderActivity, type ProviderClient, type TokenSet } from "@/lib/sync/providers/types";
import type { SyncDeps } from "@/lib/sync/worker";

// An in-process provider for the pipeline's integration tests: paging by offset, tokens that expire,
// refusals and rate limits on demand. The HTTP stand-ins (e2e/stand-ins/) test the real clients.

const KEYS = { current: randomBytes(32) };

export type FakeProvider = ProviderClient & {
  activities: Map<string, ProviderActivity>;
  calls: { list: number; get: number; refresh: number; deauthorize: number };
  /** Access tokens the provider accepts. */
  valid: Set<string>;
  /** The next list calls answer 429 this many times. */
  rateLimitNext: number;
  /** The next calls answer 503 this many times. */
  failNext: number;
  tokensFor(athleteId: string, expiresInMs?: number): TokenSet;
  /** Makes the current access tokens stop working, as an expiry would. */
  expireAll(): void;
};

let serial = 0;

export function fakeStrava(id: ProviderId = "strava"): FakeProvider {
  const activities = new Map<string, ProviderActivity>();
  const valid = new Set<string>();
  const refreshTokens = new Set<string>();
  const calls = { list: 0, get: 0, refresh: 0, deauthorize: 0 };
  const check = (t: TokenSet) => {
    if (!valid.has(t.accessToken)) throw new ProviderError("auth", "Authorization Error", null, 401);
  };
  const issue = (athleteId: string, expiresInMs = 6 * 3600_000): TokenSet => {
    const accessToken = `a${++serial}`;
    const refreshToken = `r${serial}`;
    valid.add(accessToken);
    refreshTokens.add(refreshToken);
    return { accessToken, refreshToken, expiresAt: new Date(Date.now() + expiresInMs), scope: "read,activity:read_all", externalAthleteId: athleteId, kind: "oauth" };
  };
  const fake: FakeProvider = {
    id,
    activities,
    calls,
    valid,
    rateLimitNext: 0,
    failNext: 0,
    tokensFor: issue,
    expireAll: () => valid.clear(),
    authorizeUrl: ({ state, redirectUri }) => `https://strava.test/oauth/authorize?state=${state}&redirect_uri=${encodeURIComponent(redirectUri)}`,
    async exchangeCode() {
      return issue("1001");
    },
    async refresh(tokens) {
      calls.refresh += 1;
      if (!tokens.refreshToken || !refreshTokens.has(tokens.refreshToken)) throw new ProviderError("auth", "Bad refresh token", null, 400);
      return issue(tokens.externalAthleteId);
    },
    async listActivities(tokens, { after, before, cursor, pageSize }): Promise<ActivityPage> {
      calls.list += 1;
      if (fake.failNext > 0) {
        fake.failNext -= 1;
        throw new ProviderError("unavailable", "Service Unavailable", null, 503);
      }
      if (fake.rateLimitNext > 0) {
        fake.rateLimitNext -= 1;
        throw new ProviderError("rate-limit", "Rate Limit Exceeded", 1, 429);
      }
      check(tokens);
      const all = [...activities.values()]
        .filter((a) => a.startTime >= after && a.startTime < before)
        .sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
      const offset = cursor ? Number(cursor) : 0;
      const page = all.slice(offset, offset + pageSize);
      const next = offset + pageSize < all.length ? String(offset + pageSize) : null;
      return { activities: page, next, rate: { shortLimit: 100, shortUsage: 1, dailyLimit: 1000, dailyUsage: 1 } };
    },
    async getActivity(tokens, id) {
      calls.get += 1;
      check(tokens);
      return activities.get(id) ?? null;
    },
    async deauthorize(tokens) {
      calls.deauthorize += 1;
      valid.delete(tokens.accessToken);
    },
  };
  return fake;
}

export function depsFor(client: ProviderClient): SyncDeps {
  return {
    client: (id) => (id === client.id ? client : null),
    seal: (t) => sealTokens(t, KEYS),
    open: (s) => openTokens(s, KEYS),
  };
}

export function run(id: number, start: Date, overrides: Partial<ProviderActivity> = {}): ProviderActivity {
  return {
    provider: "strava",
    externalId: String(id),
    name: `Run ${id}`,
    sport: "Run",
    startTime: start,
    timeZone: "Europe/Madrid",
    elapsedSeconds: 3000,
    movingSeconds: 2900,
    distanceMeters: 10_000,
    elevationGainMeters: 50,
    averageHeartRate: 150,
    perceivedExertion: null,
    isPrivate: false,
    updatedAt: null,
    ...overrides,
  };
}
