import { describe, expect, it } from "vitest";
import { visceralSourcesFor } from "@/lib/training-load";
import { triageOf } from "@/lib/pain/triage";

const report = { date: "2026-06-14", zone: "lumbar" as const, subArea: "lumbosacral", nrs: 5 };

describe("triageOf", () => {
  it("is calm without warning signs", () => {
    expect(triageOf({ ...report, redFlags: [], mechanical: true })).toEqual({ level: "none", symptoms: [], visceralSources: [] });
  });

  it("sends to a clinician, with the organs that can refer pain to the area", () => {
    const t = triageOf({ ...report, redFlags: ["fever"] });
    expect(t.level).toBe("clinician");
    expect(t.symptoms).toEqual([{ id: "fever", label: "fever or chills", emergency: false }]);
    expect(t.visceralSources).toEqual(visceralSourcesFor("lumbar", "lumbosacral"));
    expect(t.visceralSources.map((v) => v.organ)).toEqual(["large intestine", "bladder", "kidneys"]);
  });

  it("counts pain that movement does not change as a reason to see a clinician", () => {
    expect(triageOf({ ...report, mechanical: false }).symptoms.map((s) => s.id)).toEqual(["non-mechanical"]);
  });

  it("asks for emergency care for the emergency symptoms", () => {
    for (const id of ["bladder-bowel", "saddle-numbness", "leg-weakness", "chest-pain"]) {
      expect(triageOf({ ...report, redFlags: ["digestive", id] }).level).toBe("emergency");
    }
  });
});
