import type { ExportPlanRow } from "./plan-csv";

/** A planned session as the export reads it, with fields overridden per test. */
export const planRow = (over: Partial<ExportPlanRow> = {}): ExportPlanRow => ({
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
  athleteId: "a1",
  athleteName: "Zoë Ødegård",
  ...over,
});
