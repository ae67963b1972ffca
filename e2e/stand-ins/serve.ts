// Runs both provider stand-ins by hand, for trying the sync locally without Strava or Intervals.icu:
//   npx tsx e2e/stand-ins/serve.ts
// then start the app with the environment this prints. Each stand-in gets one athlete with 60 days of runs;
// the consent pages sign in as that athlete. Ctrl-C stops them. Test code: never part of a deployment.
import { INTERVALS_STAND_IN_CLIENT, startIntervalsStandIn } from "./intervals";
import { STRAVA_STAND_IN_CLIENT, startStravaStandIn } from "./strava";

const STRAVA_PORT = Number(process.env.STRAVA_STAND_IN_PORT ?? 2727);
const INTERVALS_PORT = Number(process.env.INTERVALS_STAND_IN_PORT ?? 2828);

async function main() {
  const strava = await startStravaStandIn({ port: STRAVA_PORT });
  const stravaAthlete = strava.state.addAthlete({ firstname: "Marta", lastname: "Runner" });
  strava.state.addActivities(stravaAthlete, 60);
  const intervals = await startIntervalsStandIn({ port: INTERVALS_PORT });
  const intervalsAthlete = intervals.state.addAthlete({ name: "Lucía Runner" });
  intervals.state.addActivities(intervalsAthlete.id, 60);

  console.log(`Strava stand-in on ${strava.url}, Intervals.icu stand-in on ${intervals.url}. Environment for the app:

STRAVA_BASE_URL=${strava.url}
STRAVA_CLIENT_ID=${STRAVA_STAND_IN_CLIENT.clientId}
STRAVA_CLIENT_SECRET=${STRAVA_STAND_IN_CLIENT.clientSecret}
STRAVA_VERIFY_TOKEN=stand-in-verify-token
INTERVALS_BASE_URL=${intervals.url}
INTERVALS_CLIENT_ID=${INTERVALS_STAND_IN_CLIENT.clientId}
INTERVALS_CLIENT_SECRET=${INTERVALS_STAND_IN_CLIENT.clientSecret}
INTERVALS_WEBHOOK_SECRET=${INTERVALS_STAND_IN_CLIENT.webhookSecret}
SYNC_TOKEN_KEY=<openssl rand -base64 32>

Intervals.icu personal API key connection: athlete id ${intervalsAthlete.id}, API key ${intervalsAthlete.apiKey}`);

  const stop = async () => {
    await Promise.all([strava.close(), intervals.close()]);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
