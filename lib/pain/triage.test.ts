import { describe, expect, it } from "vitest";
import { visceralSourcesFor } from "@/lib/training-load";
import { triageOf } from "@/lib/pain/triage";

const report = { date: "2026-06-14", zone: "lumbar" as const, subArea: "lumbosacral", nrs: 5 };

describe("triageOf", () => {
  it("is calm without warning signs", () => {
    expect(triageOf({ ...report, redFlags: [], mechanical: true })).toEqual({ level: "none", symptoms: [], visceralSources: [], since: null });
  });

  it("sends to a clinician, with the organs that can refer pain to the area", () => {
    const t = triageOf({ ...report, redFlags: ["fever"] });
    expect(t.level).toBe("clinician");
    expect(t.symptoms).toEqual([{ id: "fever", label: "fever or chills", emergency: false }]);
    expect(t.visceralSources).toEqual(visceralSourcesFor("lumbar", "lumbosacral"));
    expect(t.visceralSources.map((v) => v.organ)).toEqual(["large intestine", "bladder", "kidneys"]);
    expect(t.since).toBe(report.date);
  });

  it("counts pain that movement does not change as a reason to see a clinician", () => {
    expect(triageOf({ ...report, mechanical: false }).symptoms.map((s) => s.id)).toEqual(["non-mechanical"]);
  });

  it("asks for emergency care for the emergency symptoms", () => {
    for (const id of ["bladder-bowel", "saddle-numbness", "leg-weakness", "chest-pain"]) {
      expect(triageOf({ ...report, redFlags: ["digestive", id] }).level).toBe("emergency");
    }
  });

  it("names the heart and the aorta for chest pain, and the lower-back nerves for saddle numbness", () => {
    const chest = triageOf({ ...report, zone: "dorsal", subArea: "between-shoulder-blades", redFlags: ["chest-pain"] });
    expect(chest.visceralSources.slice(0, 2).map((v) => v.organ)).toEqual(["heart", "aorta (the main artery)"]);
    const saddle = triageOf({ ...report, redFlags: ["saddle-numbness"] });
    expect(saddle.visceralSources).toEqual([expect.objectContaining({ kind: "nerves", organ: "nerves of the lower back (cauda equina)" })]);
  });

  it("keeps an earlier emergency not yet cleared, and dates the referral from the earliest open report", () => {
    const earlier = { ...report, date: "2026-05-02", redFlags: ["saddle-numbness"] };
    const t = triageOf({ ...report, redFlags: ["fever"] }, { painReports: [earlier] });
    expect(t).toMatchObject({ level: "emergency", since: "2026-05-02" });
    expect(t.symptoms.map((s) => s.id)).toEqual(["fever", "saddle-numbness"]);
    const cleared = triageOf({ ...report, redFlags: ["fever"] }, { painReports: [earlier], clearances: [{ date: "2026-05-20" }] });
    expect(cleared).toMatchObject({ level: "clinician", since: report.date });
    expect(triageOf({ ...report, redFlags: [] }, { painReports: [earlier], clearances: [{ date: "2026-05-02" }] }).level).toBe("none");
  });
});
