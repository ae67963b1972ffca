import type { ProviderId } from "@/lib/sync/providers/types";

export const PROVIDER_IDS: readonly ProviderId[] = ["strava", "intervals"];
export const isProviderId = (v: string): v is ProviderId => (PROVIDER_IDS as readonly string[]).includes(v);
