import { describe, expect, it } from "vitest";
import { plannedSessionTitleIn, sessionSummaryIn } from "./session-words";

describe("session words", () => {
  const run = { type: "RUN", subType: null, title: null, durationMin: 45, distanceKm: 7.8 };

  it("titles a planned session in the reader's language and number style", () => {
    expect(plannedSessionTitleIn(run, "KM", "en")).toBe("Run 7.8 km");
    expect(plannedSessionTitleIn(run, "KM", "es")).toBe("Carrera 7,8 km");
    expect(plannedSessionTitleIn({ ...run, distanceKm: 10 }, "KM", "es")).toBe("Carrera 10 km");
    expect(plannedSessionTitleIn(run, "MI", "en")).toBe("Run 4.8 mi");
    expect(plannedSessionTitleIn({ ...run, title: "Series" }, "KM", "es")).toBe("Series (Carrera, 7,8 km)");
    expect(plannedSessionTitleIn({ type: "CROSS_TRAINING", subType: "CYCLING", title: null, durationMin: 60, distanceKm: null }, "KM", "es")).toBe(
      "Ciclismo 1 h 00 min",
    );
  });

  it("summarises a session with one decimal, and an unknown type as itself", () => {
    expect(sessionSummaryIn({ type: "CROSS_TRAINING", subType: "CYCLING", durationMin: 60, distanceKm: 25 }, "KM", "es")).toBe("Ciclismo · 1 h 00 min · 25,0 km");
    expect(sessionSummaryIn({ type: "NEW_KIND", durationMin: 30, distanceKm: null }, "KM", "en")).toBe("NEW_KIND · 30 min");
  });
});
