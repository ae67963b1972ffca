import { describe, expect, it } from "vitest";
import { checkRequestPath } from "./url-paths";

describe("checkRequestPath", () => {
  it("lets through every shape of address the app has", () => {
    for (const path of [
      "/",
      "/coach/squads/cmabc123def456ghi789jkl0/athletes/e2e0123456789abcdef/plan",
      "/invite/AbCdEf0123456789_-AbCdEf0123456789_-AbCdEf0",
      "/api/calendar/AbCdEf0123456789_-AbCdEf0123456789_-AbCdEf0.ics",
      "/api/auth/callback/credentials",
      "/athlete/sessions/c%61bc",
    ]) {
      expect(checkRequestPath(path), path).toBe("ok");
    }
  });

  it("calls undecodable segments and control characters malformed", () => {
    for (const path of ["/invite/%ff", "/api/calendar/%ff", "/api/imports/%ff/commit", "/coach/squads/%e2%82", "/coach/squads/%", "/athlete/pain/%00", "/a%0d%0ab", "/x%7f", "/x%c2%85"]) {
      expect(checkRequestPath(path), path).toBe("malformed");
    }
  });

  it("calls over-long segments and characters no id has unknown", () => {
    for (const path of [`/coach/squads/${"a".repeat(201)}`, "/invite/a%20b", "/coach/squads/..%2f..%2fetc", "/coach/squads/%E2%80%AEabc", "/athlete/sessions/a'b"]) {
      expect(checkRequestPath(path), path).toBe("unknown");
    }
  });
});
