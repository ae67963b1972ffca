import { describe, expect, it } from "vitest";
import { zonedTimeToInstant } from "@/lib/dates";
import { sessionWhen } from "@/lib/sessions/display-time";

describe("sessionWhen", () => {
  const laEvening = zonedTimeToInstant("2026-12-03", "18:49", "America/Los_Angeles");

  it("shows date and time from the instant in the viewer's new zone, a day later, with the counted day", () => {
    const when = sessionWhen({ localDate: "2026-12-03", startTime: laEvening, timeZone: "America/Los_Angeles" }, "Asia/Dhaka");
    expect(when).toEqual({
      date: "2026-12-04",
      time: "08:49",
      countedNote: "Counted on 3 Dec (your time zone then: America/Los_Angeles)",
    });
  });

  it("handles a zone change that moves the start to the day before", () => {
    const madridMorning = zonedTimeToInstant("2026-12-03", "07:30", "Europe/Madrid");
    const when = sessionWhen({ localDate: "2026-12-03", startTime: madridMorning, timeZone: "Europe/Madrid" }, "America/Los_Angeles");
    expect(when.date).toBe("2026-12-02");
    expect(when.time).toBe("22:30");
    expect(when.countedNote).toBe("Counted on 3 Dec (your time zone then: Europe/Madrid)");
  });

  it("adds no note when the viewer's zone keeps the same day, even in another zone", () => {
    const when = sessionWhen({ localDate: "2026-12-03", startTime: laEvening, timeZone: "America/Los_Angeles" }, "America/New_York");
    expect(when).toEqual({ date: "2026-12-03", time: "21:49", countedNote: null });
  });

  it("says the day it was logged when the zone of the time was not recorded", () => {
    const when = sessionWhen({ localDate: "2026-12-03", startTime: laEvening, timeZone: null }, "Pacific/Auckland");
    expect(when).toEqual({ date: "2026-12-04", time: "15:49", countedNote: "Counted on 3 Dec, the day it was logged" });
  });

  it("keeps the stored day and no time for a session logged without a start time", () => {
    expect(sessionWhen({ localDate: "2026-12-03", startTime: null, timeZone: null }, "Pacific/Auckland")).toEqual({
      date: "2026-12-03",
      time: null,
      countedNote: null,
    });
  });

  it("follows daylight saving in both zones", () => {
    // 8 to 28 March New York is on summer time and Madrid is not: 18:30 there is 23:30 in Madrid.
    const summer = zonedTimeToInstant("2026-03-20", "18:30", "America/New_York");
    expect(sessionWhen({ localDate: "2026-03-20", startTime: summer, timeZone: "America/New_York" }, "Europe/Madrid")).toEqual({
      date: "2026-03-20",
      time: "23:30",
      countedNote: null,
    });
    // Before 8 March both are on standard time: the same 18:30 is past midnight in Madrid.
    const winter = zonedTimeToInstant("2026-03-02", "18:30", "America/New_York");
    expect(sessionWhen({ localDate: "2026-03-02", startTime: winter, timeZone: "America/New_York" }, "Europe/Madrid")).toEqual({
      date: "2026-03-03",
      time: "00:30",
      countedNote: "Counted on 2 Mar (your time zone then: America/New_York)",
    });
    // The night Madrid moves its clocks on (29 March, 02:00 -> 03:00), London an hour behind.
    const earlyMadrid = zonedTimeToInstant("2026-03-29", "00:30", "Europe/Madrid");
    expect(sessionWhen({ localDate: "2026-03-29", startTime: earlyMadrid, timeZone: "Europe/Madrid" }, "Europe/London").date).toBe("2026-03-28");
    const lateMadrid = zonedTimeToInstant("2026-03-29", "03:30", "Europe/Madrid");
    expect(sessionWhen({ localDate: "2026-03-29", startTime: lateMadrid, timeZone: "Europe/Madrid" }, "Europe/London")).toEqual({
      date: "2026-03-29",
      time: "02:30",
      countedNote: null,
    });
  });

  it("words the zone for a coach and names the year when the counted day is in another one", () => {
    const newYearsEve = zonedTimeToInstant("2026-12-31", "20:00", "Europe/Madrid");
    const when = sessionWhen({ localDate: "2026-12-31", startTime: newYearsEve, timeZone: "Europe/Madrid" }, "Asia/Tokyo", "the athlete's");
    expect(when.date).toBe("2027-01-01");
    expect(when.countedNote).toBe("Counted on 31 Dec 2026 (the athlete's time zone then: Europe/Madrid)");
  });
});

describe("sessionWhen in Spanish", () => {
  const laEvening = zonedTimeToInstant("2026-12-03", "18:49", "America/Los_Angeles");

  it("writes the counted day and the zone in Spanish", () => {
    const when = sessionWhen({ localDate: "2026-12-03", startTime: laEvening, timeZone: "America/Los_Angeles" }, "Asia/Dhaka", "your", "es");
    expect(when.countedNote).toBe("Cuenta el 3 dic (tu zona horaria entonces: America/Los_Angeles)");
    const coach = sessionWhen({ localDate: "2026-12-03", startTime: laEvening, timeZone: "America/Los_Angeles" }, "Asia/Dhaka", "the athlete's", "es");
    expect(coach.countedNote).toBe("Cuenta el 3 dic (zona horaria del atleta entonces: America/Los_Angeles)");
  });

  it("says the day it was logged, with the year when it differs", () => {
    const newYear = zonedTimeToInstant("2026-12-31", "20:00", "America/Los_Angeles");
    const when = sessionWhen({ localDate: "2026-12-31", startTime: newYear, timeZone: null }, "Asia/Tokyo", "your", "es");
    expect(when.countedNote).toBe("Cuenta el 31 dic 2026, el día en que se registró");
    const en = sessionWhen({ localDate: "2026-12-31", startTime: newYear, timeZone: null }, "Asia/Tokyo");
    expect(en.countedNote).toBe("Counted on 31 Dec 2026, the day it was logged");
  });
});
