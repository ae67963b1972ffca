import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/catalogue";
import { expandTemplate, notYetPlanned, templateDayLabel, templateWeeks, weekAsTemplate } from "@/lib/plans/templates";
import { applyTemplateSchema, createTemplateSchema, nestRows, updatePlannedSessionSchema, type TemplateSession } from "@/lib/plans/schemas";

const session = (dayOffset: number, extra: Partial<TemplateSession> = {}): TemplateSession => ({
  dayOffset,
  type: "RUN",
  subType: null,
  durationMin: 40,
  distanceKm: 8,
  targetRpe: 5,
  title: null,
  ...extra,
});

describe("templates", () => {
  it("expands day offsets to dates from the start Monday, in date order", () => {
    const dated = expandTemplate([session(27, { title: "Last" }), session(0, { type: "CORE", distanceKm: null }), session(9)], "2026-12-28");
    expect(dated.map((s) => s.date)).toEqual(["2026-12-28", "2027-01-06", "2027-01-24"]);
    expect(dated[0]).toEqual({ date: "2026-12-28", type: "CORE", subType: null, durationMin: 40, distanceKm: null, targetRpe: 5, title: null });
    expect(dated[2].title).toBe("Last");
  });

  it("turns a planned week into day offsets 0-6, leaving other weeks out", () => {
    const row = (date: string, type = "RUN") => ({ date, type, subType: null, durationMin: 30, distanceKm: null, targetRpe: null, title: "t" });
    const sessions = weekAsTemplate([row("2026-12-06"), row("2026-11-30", "CORE"), row("2026-12-07"), row("2026-11-29")], "2026-11-30");
    expect(sessions.map((s) => [s.dayOffset, s.type])).toEqual([
      [0, "CORE"],
      [6, "RUN"],
    ]);
    // Round trip: the saved week lands on the same weekdays again.
    expect(expandTemplate(sessions, "2026-11-30").map((s) => s.date)).toEqual(["2026-11-30", "2026-12-06"]);
  });

  it("leaves out template sessions already planned, one planned session for one template session", () => {
    const dated = expandTemplate([session(0, { title: "Easy" }), session(0, { title: "Easy" }), session(2, { type: "CORE", distanceKm: null }), session(3)], "2026-12-28");
    const planned = [
      { ...dated[0] },
      // Same day and type but another duration: a different session.
      { ...dated[3], durationMin: 50 },
      // Another day.
      { ...dated[2], date: "2026-12-31" },
    ];
    const left = notYetPlanned(dated, planned);
    expect(left).toEqual([dated[1], dated[2], dated[3]]);
    // Applying what was added: nothing is left the second time.
    expect(notYetPlanned(dated, [...planned, ...left])).toEqual([]);
    expect(notYetPlanned(dated, [])).toEqual(dated);
  });

  it("labels days and counts weeks", () => {
    const en = translatorFor("en", "plan");
    const es = translatorFor("es", "plan");
    expect(templateDayLabel(0, en, "en-GB")).toBe("Week 1, Monday");
    expect(templateDayLabel(9, en, "en-GB")).toBe("Week 2, Wednesday");
    expect(templateDayLabel(27, en, "en-GB")).toBe("Week 4, Sunday");
    expect(templateDayLabel(9, es, "es-ES")).toBe("Semana 2, miércoles");
    expect(templateWeeks([session(0), session(13)])).toBe(2);
  });
});

describe("template forms", () => {
  it("nests a form's numbered rows into an array in index order", () => {
    expect(nestRows({ name: "Base", "sessions.1.type": "CORE", "sessions.0.type": "RUN", "sessions.0.duration": "40", "sessions.10.type": "OTHER" }, "sessions")).toEqual({
      name: "Base",
      sessions: [{ type: "RUN", duration: "40" }, { type: "CORE" }, { type: "OTHER" }],
    });
    expect(nestRows({ name: "x" }, "sessions")).toEqual({ name: "x", sessions: [] });
  });

  it("validates a template row by row and converts miles", () => {
    const ok = createTemplateSchema.parse({
      name: "  Base week ",
      unit: "MI",
      sessions: [
        { dayOffset: "3", type: "RUN", duration: "1:00", distance: "5", targetRpe: "6" },
        { dayOffset: "0", type: "CROSS_TRAINING", subType: "SWIMMING", duration: "30", title: "Pool" },
      ],
    });
    expect(ok.name).toBe("Base week");
    expect(ok.sessions).toEqual([
      { dayOffset: 0, type: "CROSS_TRAINING", subType: "SWIMMING", durationMin: 30, distanceKm: null, targetRpe: null, title: "Pool" },
      { dayOffset: 3, type: "RUN", subType: null, durationMin: 60, distanceKm: 8.047, targetRpe: 6, title: null },
    ]);

    const bad = createTemplateSchema.safeParse({
      name: "",
      sessions: [{ dayOffset: "28", type: "CROSS_TRAINING", duration: "", targetRpe: "11" }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "name",
      "sessions.0.dayOffset",
      "sessions.0.duration",
      "sessions.0.subType",
      "sessions.0.targetRpe",
    ]);
    expect(createTemplateSchema.safeParse({ name: "Empty", sessions: [] }).error?.issues[0].message).toBe("Add at least one session");
  });

  it("applies from a Monday only, to at least one athlete", () => {
    expect(applyTemplateSchema.safeParse({ templateId: "t", startDate: "2026-11-30", athleteIds: ["a"] }).success).toBe(true);
    const bad = applyTemplateSchema.safeParse({ templateId: "t", startDate: "2026-12-01", athleteIds: [] });
    expect(bad.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["startDate", "Choose a Monday: a template's day 1 is a Monday"],
      ["athleteIds", "Choose at least one athlete"],
    ]);
    expect(applyTemplateSchema.safeParse({ templateId: "t", startDate: "2026-02-30", athleteIds: ["a"] }).success).toBe(false);
  });

  it("edits a planned session with the same rules as adding one", () => {
    expect(updatePlannedSessionSchema.parse({ plannedId: "p", type: "CORE", date: "2026-12-01", duration: "25", title: "Core A" })).toMatchObject({
      plannedId: "p",
      type: "CORE",
      durationMin: 25,
      title: "Core A",
      distanceKm: null,
    });
    const bad = updatePlannedSessionSchema.safeParse({ plannedId: "", type: "RUN", date: "x", duration: "1" });
    expect([...new Set(bad.error!.issues.map((i) => i.path.join(".")))].sort()).toEqual(["date", "plannedId"]);
  });
});
