import { describe, expect, it } from "vitest";
import { buildPlanPdf, pdfText, planWeeks } from "./plan-pdf";
import { pdfPageCount, pdfPageTexts, pdfPlainText, pdfTextLines } from "@/e2e/pdf-text";
import { planRow } from "./fixtures.test-data";
import { workoutStepsSchema } from "@/lib/plans/workout-schemas";

const generatedAt = new Date("2026-11-25T10:00:00Z");

describe("plan week grid", () => {
  it("covers each week of the range, Monday to Sunday, marking days outside it", () => {
    const weeks = planWeeks("2026-12-02", "2026-12-21");
    expect(weeks.map((w) => w.monday)).toEqual(["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"]);
    for (const w of weeks) expect(w.days.map((d) => d.date)).toHaveLength(7);
    expect(weeks[0].days.filter((d) => !d.inRange).map((d) => d.date)).toEqual(["2026-11-30", "2026-12-01"]);
    expect(weeks[3].days.filter((d) => d.inRange).map((d) => d.date)).toEqual(["2026-12-21"]);
    expect(planWeeks("2026-12-06", "2026-12-06")).toHaveLength(1);
    expect(planWeeks("2026-01-01", "2026-12-31")).toHaveLength(53);
  });
});

describe("plan PDF", () => {
  it("is a PDF with each session's details and the reason for compensatory sessions", async () => {
    const pdf = await buildPlanPdf(
      {
        subject: "Zoë Łukasiewicz",
        squadName: "Demo Harriers",
        from: "2026-12-01",
        to: "2026-12-14",
        rows: [
          planRow(),
          planRow({ id: "p2", date: "2026-12-06", type: "RUN", title: "Long run", distanceKm: 18, durationMin: 100, origin: "COACH", flagId: null, reason: null, description: "Easy, conversational" }),
        ],
        showAthlete: false,
        generatedAt,
      },
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    const text = pdfPlainText(pdf);
    expect(text).toContain("Training plan: Zoë Lukasiewicz");
    expect(text).toContain("Week of 30 Nov 2026 to 6 Dec 2026");
    expect(text).toContain("Week of 7 Dec 2026 to 13 Dec 2026");
    expect(text).toContain("Week of 14 Dec 2026 to 20 Dec 2026");
    expect(text).toContain("Core 25 min");
    expect(text).toContain("Why: Fewer than 2 core or strength sessions");
    expect(text).toContain("Suggested for: Missing core and strength work");
    expect(text).toContain("Long run (Run, 18 km)");
    expect(text).toContain("Easy, conversational");
    expect(text).toContain("Outside the exported dates");
    // Each week is a Monday-to-Sunday grid: the day headers in order, then a totals row.
    expect(text).toMatch(/Mon 30 Nov Tue 1 Dec Wed 2 Dec Thu 3 Dec Fri 4 Dec Sat 5 Dec Sun 6 Dec/);
    expect(text).toContain("Week total: 2 sessions, 2 h 05 min · 18 km");
    const pages = pdfPageCount(pdf);
    expect(text).toContain(`page 1 of ${pages}`);
    expect(text).toContain(`page ${pages} of ${pages}`);
  });

  it("writes a session's workout steps in words", async () => {
    const steps = workoutStepsSchema.parse([
      { type: "warmup", duration: { kind: "time", seconds: 900 } },
      { type: "repeat", count: 6, steps: [{ type: "work", duration: { kind: "distance", metres: 800 }, target: { kind: "rpe", rpe: 8 } }, { type: "recovery", duration: { kind: "time", seconds: 120 } }] },
      { type: "cooldown", duration: { kind: "time", seconds: 600 } },
    ]);
    const pdf = await buildPlanPdf(
      { subject: "A", squadName: null, from: "2026-12-01", to: "2026-12-07", rows: [planRow({ type: "RUN", steps })], showAthlete: false, generatedAt },
      { compress: false },
    );
    expect(pdfPlainText(pdf)).toContain("Workout: 15 min warm-up · 6 × (800 m at RPE 8, 2 min recovery) · 10 min cool-down");
  });

  it("puts each athlete of a squad's plan on their own page", async () => {
    const rows = [
      planRow({ id: "p1", athleteId: "a2", athleteName: "Bea Ruiz", date: "2026-12-02", title: "Bea core" }),
      planRow({ id: "p2", athleteId: "a1", athleteName: "Ana Gil", date: "2026-12-01", type: "RUN", title: "Ana tempo", distanceKm: 10, durationMin: 50 }),
      planRow({ id: "p3", athleteId: "a1", athleteName: "Ana Gil", date: "2026-12-06", type: "RUN", title: "Ana long run", distanceKm: 18, durationMin: 100 }),
    ];
    const pdf = await buildPlanPdf(
      { subject: "Demo Harriers", squadName: "Demo Harriers", from: "2026-11-30", to: "2026-12-06", rows, showAthlete: true, generatedAt },
      { compress: false },
    );
    const pages = pdfPageTexts(pdf);
    expect(pages).toHaveLength(2);
    expect(pdfPageCount(pdf)).toBe(2);
    expect(pages[0]).toMatch(/^Ana Gil Training plan: Demo Harriers/);
    expect(pages[0]).toContain("Ana tempo (Run, 10 km)");
    expect(pages[0]).toContain("Week total: 2 sessions, 2 h 30 min · 28 km");
    expect(pages[0]).not.toContain("Bea core");
    expect(pages[1]).toMatch(/^Bea Ruiz /);
    expect(pages[1]).toContain("Bea core (Core, 25 min)");
    expect(pages[1]).not.toContain("Ana");
    for (const page of pages) expect(page).toMatch(/Mon 30 Nov Tue 1 Dec Wed 2 Dec Thu 3 Dec Fri 4 Dec Sat 5 Dec Sun 6 Dec/);
    expect(pages[1]).toContain("page 2 of 2");
  });

  it("carries a long day over the page, the week's header repeated", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => planRow({ id: `p${i}`, title: `Session ${String(i).padStart(2, "0")}`, date: "2026-12-02" }));
    const pdf = await buildPlanPdf(
      { subject: "Ana Gil", squadName: "Demo Harriers", from: "2026-11-30", to: "2026-12-06", rows, showAthlete: false, generatedAt },
      { compress: false },
    );
    const text = pdfPlainText(pdf);
    for (let i = 0; i < 40; i++) expect(text).toContain(`Session ${String(i).padStart(2, "0")} (Core, 25 min)`);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`page ${pages} of ${pages}`);
    expect(text).toContain("(continued)");
  });

  it("speaks the reader's language, dates through Intl", async () => {
    const pdf = await buildPlanPdf(
      {
        subject: "Ana Gil",
        squadName: "Demo Harriers",
        from: "2026-12-01",
        to: "2026-12-07",
        rows: [planRow(), planRow({ id: "p2", date: "2026-12-03", held: true })],
        showAthlete: false,
        locale: "es",
        generatedAt,
      },
      { compress: false },
    );
    const text = pdfPlainText(pdf);
    expect(text).toContain("Plan de entrenamiento: Ana Gil");
    expect(text).toContain("Semana del 30 nov 2026 al 6 dic 2026");
    expect(text).toContain("lun 30 nov mar 1 dic mié 2 dic jue 3 dic vie 4 dic sáb 5 dic dom 6 dic");
    expect(text).toContain("Por qué: Fewer than 2 core");
    expect(text).toContain("En pausa hasta que un profesional sanitario dé el alta");
    expect(text).toContain("Fuera de las fechas exportadas");
    expect(text).toContain("página 1 de 1");
    expect(text).not.toContain("Week of");
  });

  it("is compressed by default and still readable", async () => {
    const pdf = await buildPlanPdf({ subject: "A", squadName: null, from: "2026-12-01", to: "2026-12-01", rows: [planRow()], showAthlete: false, generatedAt });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/FlateDecode");
    expect(pdfTextLines(pdf).join("\n")).toContain("Core 25 min");
  });

  it("draws only what the standard fonts can", () => {
    expect(pdfText("Zoë – “Ødegård” €5")).toBe("Zoë – “Ødegård” €5");
    expect(pdfText("Łódź Śnieżka")).toBe("Lódz Snieżka".replace("ż", "z"));
    expect(pdfText("Жук\tx\r\ny")).toBe("??? x\ny");
  });
});
