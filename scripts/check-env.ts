// Checks the environment the way `npm start` does, for the standalone server (scripts/serve.mjs runs the
// bundled copy, scripts/check-env.mjs, before it starts its workers): a wrong value stops the process with a
// message naming the variable, e.g. a sync provider configured without SYNC_TOKEN_KEY.
import { EnvError, parseEnv } from "../lib/env";

export function checkEnv(source: Record<string, string | undefined> = process.env): string | null {
  try {
    parseEnv(source);
    return null;
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
}
