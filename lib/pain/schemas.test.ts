import { describe, expect, it } from "vitest";
import { BACK_SUB_AREAS, RED_FLAG_SYMPTOMS } from "@/lib/training-load";
import { painReportSchema } from "@/lib/pain/schemas";
import { ASKED_RED_FLAGS, PAIN_ZONES, engineZone, redFlagField } from "@/lib/pain/labels";

const base = { zone: "LUMBAR", subArea: "lower-back-centre", nrs: "4", date: "2026-06-14" };

function issues(input: unknown): Record<string, string[]> {
  const r = painReportSchema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.join(".") || "form"] ??= []).push(i.message);
  return out;
}

describe("painReportSchema", () => {
  it("reads a posted form: yes/no answers, red-flag questions and blanks", () => {
    const parsed = painReportSchema.parse({
      ...base,
      side: "",
      timing: "AFTER_RUN",
      triggerPoint: "yes",
      mechanical: "yes",
      [redFlagField("fever")]: "yes",
      [redFlagField("trauma")]: "no",
      notes: "  stiff after the long run  ",
      areaChoice: "LUMBAR/lower-back-centre",
    });
    expect(parsed).toEqual({
      zone: "LUMBAR",
      subArea: "lower-back-centre",
      side: null,
      nrs: 4,
      timing: "AFTER_RUN",
      triggerPoint: true,
      mechanical: true,
      redFlags: ["fever"],
      notes: "stiff after the long run",
      date: "2026-06-14",
    });
  });

  it("defaults to no trigger point, no red flags and an unknown mechanical answer", () => {
    expect(painReportSchema.parse(base)).toMatchObject({ triggerPoint: false, mechanical: null, redFlags: [], notes: null });
    expect(painReportSchema.parse({ ...base, mechanical: "unsure" }).mechanical).toBeNull();
  });

  it("stores pain that does not change with movement as the non-mechanical warning sign", () => {
    expect(painReportSchema.parse({ ...base, mechanical: "no" })).toMatchObject({ mechanical: false, redFlags: ["non-mechanical"] });
    expect(painReportSchema.parse({ ...base, redFlags: ["non-mechanical"] })).toMatchObject({ mechanical: false, redFlags: ["non-mechanical"] });
    expect(issues({ ...base, mechanical: "yes", redFlags: ["non-mechanical"] })).toHaveProperty("mechanical");
  });

  it("accepts symptom ids from callers, in the engine's order and without repeats", () => {
    const parsed = painReportSchema.parse({ ...base, redFlags: ["chest-pain", "fever", "fever"], mechanical: false, triggerPoint: true });
    expect(parsed.redFlags).toEqual(["fever", "chest-pain", "non-mechanical"]);
    expect(parsed.triggerPoint).toBe(true);
  });

  it("names each bad field", () => {
    expect(Object.keys(issues({ zone: "SPINE", nrs: "11", date: "2026-02-30", side: "UP", timing: "NOON" })).sort()).toEqual([
      "date",
      "nrs",
      "side",
      "timing",
      "zone",
    ]);
    expect(issues({ ...base, nrs: "" }).nrs).toEqual(["Choose how strong the pain is, from 0 to 10"]);
    expect(issues({ ...base, nrs: "-1" }).nrs).toEqual(["Pain is scored from 0 to 10"]);
    expect(issues({ ...base, nrs: "4.5" }).nrs).toBeDefined();
    expect(issues({ ...base, zone: "" }).zone).toEqual(["Choose where it hurts on the map"]);
    expect(issues({ ...base, zone: "CERVICAL", subArea: "flanks" }).subArea?.[0]).toMatch(/not part of the neck/);
    expect(issues({ ...base, redFlags: ["sore-toe"] }).redFlags).toEqual(['Unknown warning sign "sore-toe"']);
    expect(issues({ ...base, [redFlagField("sore-toe")]: "yes" }).redFlags).toBeDefined();
    expect(issues({ ...base, mechanical: "maybe" }).mechanical).toBeDefined();
    expect(issues({ ...base, notes: "x".repeat(1001) }).notes).toEqual(["Use at most 1000 characters"]);
  });

  it("knows every sub-area of the engine in its zone, and only there", () => {
    for (const zone of PAIN_ZONES) {
      for (const other of PAIN_ZONES) {
        for (const s of BACK_SUB_AREAS[engineZone(other)]) {
          expect(painReportSchema.safeParse({ ...base, zone, subArea: s.id }).success).toBe(zone === other);
        }
      }
    }
  });

  it("asks every red-flag question but the one the mechanical question already covers", () => {
    expect(ASKED_RED_FLAGS.map((s) => s.id)).toEqual(RED_FLAG_SYMPTOMS.map((s) => s.id).filter((id) => id !== "non-mechanical"));
  });
});
