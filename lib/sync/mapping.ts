import { knownTimeZone } from "@/lib/dates";
import { finishSession } from "@/lib/imports/session";
import { mapSport } from "@/lib/imports/sport";
import type { ImportSource, ParsedSession } from "@/lib/imports/types";
import type { ProviderActivity, ProviderId } from "@/lib/sync/providers/types";

/** The session source of each provider: a Strava activity is STRAVA whether it came from the API or a CSV export. */
export const SOURCE_OF: Record<ProviderId, ImportSource> = { strava: "STRAVA", intervals: "INTERVALS" };

/** The external id a session keeps: "strava:<id>" as the Strava activities.csv import writes it, "intervals:<id>". */
export const externalIdOf = (provider: ProviderId, id: string): string => `${provider}:${id}`;

/**
 * A provider's activity as a parsed session, through the same mapping as an uploaded file: sport, moving
 * time, plausibility review and content hash. The day is the start's calendar day where the activity was
 * recorded when the provider says where, else in the athlete's zone.
 */
export function sessionOfActivity(a: ProviderActivity, athleteTimeZone: string): ParsedSession {
  const zone = a.timeZone && knownTimeZone(a.timeZone) === a.timeZone ? a.timeZone : knownTimeZone(athleteTimeZone);
  const elapsed = a.elapsedSeconds ?? a.movingSeconds ?? 0;
  return finishSession(
    {
      sport: mapSport(a.sport),
      sourceSport: a.sport,
      startMs: a.startTime.getTime(),
      durationS: Math.max(0, elapsed),
      movingS: a.movingSeconds ?? undefined,
      distanceM: a.distanceMeters ?? undefined,
      elevationGainM: a.elevationGainMeters ?? undefined,
      avgHr: a.averageHeartRate ?? undefined,
      externalId: externalIdOf(a.provider, a.externalId),
      source: SOURCE_OF[a.provider],
      name: a.name ?? undefined,
      sourceFile: `${a.provider === "strava" ? "Strava" : "Intervals.icu"} ${a.externalId}`,
    },
    zone,
  );
}
