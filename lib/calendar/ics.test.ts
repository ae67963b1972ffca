import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { buildPlanCalendar, plannedSessionTitle } from "@/lib/calendar/ics";
import type { PlannedRow } from "@/lib/plans/queries";
import { workoutStepsSchema } from "@/lib/plans/workout-schemas";

const row = (over: Partial<PlannedRow> = {}): PlannedRow => ({
  id: "p1",
  date: "2026-12-01",
  type: "CORE",
  subType: null,
  title: null,
  durationMin: 25,
  distanceKm: null,
  targetRpe: 5,
  description: "Dead bug, side plank, glute bridge",
  steps: null,
  origin: "SUGGESTION",
  flagId: "compensatory-deficit",
  reason: "Fewer than 2 core or strength sessions in 14 days; core work protects the lower back.",
  reasonParts: null,
  squadName: "Demo Harriers",
  updatedAt: new Date("2026-11-25T10:00:00Z"),
  held: false,
  ...over,
});

describe("plan calendar", () => {
  it("parses as iCalendar with one all-day event per planned session", () => {
    const text = buildPlanCalendar(
      [row(), row({ id: "p2", date: "2026-12-31", type: "RUN", distanceKm: 12, durationMin: 70, title: "Long run", reason: null })],
      { name: "Backbone plan", host: "backbone.test" },
    );
    const component = new ICAL.Component(ICAL.parse(text));
    expect(component.name).toBe("vcalendar");
    expect(component.getFirstPropertyValue("version")).toBe("2.0");
    expect(component.getFirstPropertyValue("prodid")).toBeTruthy();
    const events = component.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(2);
    expect(events[0].uid).toBe("p1@backbone.test");
    expect(events[0].startDate.isDate).toBe(true);
    expect(events[0].startDate.toString()).toBe("2026-12-01");
    expect(events[0].summary).toBe("Core 25 min");
    expect(events[0].description).toContain("Why: Fewer than 2 core");
    expect(events[1].summary).toBe("Long run (Run, 12 km)");
    expect(events[1].startDate.toString()).toBe("2026-12-31");
    // Lines are folded at 75 octets as RFC 5545 requires.
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("puts a session's workout steps in its description", () => {
    const steps = workoutStepsSchema.parse([
      { type: "warmup", duration: { kind: "time", seconds: 900 } },
      { type: "repeat", count: 6, steps: [{ type: "work", duration: { kind: "distance", metres: 800 }, target: { kind: "rpe", rpe: 8 } }, { type: "recovery", duration: { kind: "time", seconds: 120 } }] },
    ]);
    const text = buildPlanCalendar([row({ type: "RUN", steps })], { name: "x", host: "h" });
    const [event] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(event.description).toContain("Workout: 15 min warm-up · 6 × (800 m at RPE 8, 2 min recovery)");
  });

  it("keeps the day whatever the server's time zone", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["Pacific/Auckland", "America/Los_Angeles", "Europe/Madrid"]) {
        process.env.TZ = tz;
        const text = buildPlanCalendar([row({ date: "2026-06-15" })], { name: "x", host: "h" });
        expect(text).toContain("DTSTART;VALUE=DATE:20260615");
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it("is an empty but valid calendar when nothing is planned", () => {
    const component = new ICAL.Component(ICAL.parse(buildPlanCalendar([], { name: "x", host: "h" })));
    expect(component.getAllSubcomponents("vevent")).toHaveLength(0);
  });
});

describe("held and pain-related sessions in a calendar", () => {
  it("cancels a held session with a reason that names no symptom, and keeps pain scores out of descriptions", () => {
    const text = buildPlanCalendar(
      [
        row({ id: "held", held: true, reason: "Reported pain 8/10 on 3 Dec", flagId: "severe-back-pain" }),
        row({ id: "pain", reason: "Back pain is at 7/10", flagId: "back-pain-rising" }),
        row({ id: "core" }),
      ],
      { name: "Plan", host: "backbone.test" },
    );
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const byId = Object.fromEntries(events.map((e) => [e.uid.split("@")[0], e]));
    expect(byId.held.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(byId.held.summary).toMatch(/^On hold: /);
    expect(byId.pain.component.getFirstPropertyValue("status")).toBeNull();
    expect(byId.pain.description).toMatch(/adapted to your back-health reports/);
    expect(byId.core.description).toMatch(/Why: Fewer than 2 core/);
    expect(text).not.toMatch(/8\/10|7\/10/);
  });
});

describe("plan titles in the reader's unit", () => {
  const run = row({ type: "RUN", distanceKm: 7.8, durationMin: 45, reason: "Keep the run at or under 7.8 km." });

  it("writes km by default and miles for a miles reader", () => {
    expect(plannedSessionTitle(run)).toBe("Run 7.8 km");
    expect(plannedSessionTitle(run, "MI")).toBe("Run 4.8 mi");
    expect(plannedSessionTitle({ ...run, title: "Easy run" }, "MI")).toBe("Easy run (Run, 4.8 mi)");
  });

  it("puts the title, distance and reason of a miles reader's feed in miles", () => {
    const text = buildPlanCalendar([run], { name: "Backbone plan", host: "backbone.test", unit: "MI" });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("Run 4.8 mi");
    expect(event.description).toContain("Distance: 4.8 mi");
    expect(event.description).toContain("Why: Keep the run at or under 4.8 mi.");
    expect(event.description).not.toContain("km");
  });
});
