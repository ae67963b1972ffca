import { describe, expect, it } from "vitest";
import { afterFailure, describeSendError, LEASE_SECONDS, MAX_ATTEMPTS, SMTP_TIMEOUTS } from "@/lib/notifications/delivery";

describe("retries of an email that could not be sent", () => {
  it("wait 30 s, then twice as long each time, at most an hour", () => {
    const waits = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => afterFailure(i + 1)).map((o) => (o.status === "PENDING" ? o.retryInSeconds : null));
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it("give up after the last attempt", () => {
    expect(afterFailure(MAX_ATTEMPTS)).toEqual({ status: "FAILED" });
    expect(afterFailure(MAX_ATTEMPTS + 3)).toEqual({ status: "FAILED" });
    expect(afterFailure(MAX_ATTEMPTS - 1).status).toBe("PENDING");
  });

  it("keep a lease longer than one send can take", () => {
    const longestSendMs = SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout + SMTP_TIMEOUTS.socketTimeout;
    expect(LEASE_SECONDS * 1000).toBeGreaterThan(2 * longestSendMs);
  });
});

describe("the error kept on a row", () => {
  it("names the network error or the SMTP reply on one short line", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ESOCKET" });
    expect(describeSendError(refused)).toBe("ESOCKET: connect ECONNREFUSED 127.0.0.1:2525");
    const rejected = Object.assign(new Error("Can't send mail"), { code: "EENVELOPE", responseCode: 550, response: "550 5.1.1\n  no such user" });
    expect(describeSendError(rejected)).toBe("EENVELOPE: SMTP 550: 550 5.1.1 no such user");
    expect(describeSendError(new Error("x".repeat(900)))).toHaveLength(500);
    expect(describeSendError("timeout")).toBe("timeout");
  });
});
