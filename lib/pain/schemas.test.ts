import { describe, expect, it } from "vitest";
import { BACK_SUB_AREAS, RED_FLAG_SYMPTOMS } from "@/lib/training-load";
import { painReportSchema } from "@/lib/pain/schemas";
import { ASKED_RED_FLAGS, PAIN_ZONES, RED_FLAG_QUESTIONS, engineZone, redFlagField } from "@/lib/pain/labels";

/** A caller's report: the symptom ids answered "yes" (none) and the movement question answered. */
const base = { zone: "LUMBAR", subArea: "lower-back-centre", nrs: "4", mechanical: "yes", redFlags: [] as string[], date: "2026-06-14" };
/** A posted form: every warning-sign question answered, "yes" for the ids given. */
const posted = (yes: string[] = []): Record<string, unknown> => ({
  zone: "LUMBAR",
  subArea: "lower-back-centre",
  nrs: "4",
  mechanical: "yes",
  date: "2026-06-14",
  ...Object.fromEntries(ASKED_RED_FLAGS.map((s) => [redFlagField(s.id), yes.includes(s.id) ? "yes" : "no"])),
});

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
      ...posted(["fever"]),
      side: "",
      timing: "AFTER_RUN",
      triggerPoint: "yes",
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

  it("defaults to no trigger point and no notes, and stores 'not sure' about movement as unknown", () => {
    expect(painReportSchema.parse(base)).toMatchObject({ triggerPoint: false, mechanical: true, redFlags: [], notes: null });
    expect(painReportSchema.parse({ ...base, mechanical: "unsure" }).mechanical).toBeNull();
  });

  it("refuses a form with any warning-sign question unanswered, naming each one", () => {
    const oneMissing = posted(["trauma"]);
    delete oneMissing[redFlagField("fever")];
    expect(issues(oneMissing)).toEqual({ "redFlag.fever": ["Answer yes or no"] });

    const none = issues({ zone: "LUMBAR", subArea: "lower-back-centre", nrs: "4", mechanical: "yes", date: "2026-06-14" });
    expect(Object.keys(none).sort()).toEqual(ASKED_RED_FLAGS.map((s) => redFlagField(s.id)).sort());

    for (const blank of ["", "maybe", "true", null]) {
      expect(issues({ ...posted(), [redFlagField("saddle-numbness")]: blank })).toEqual({ "redFlag.saddle-numbness": ["Answer yes or no"] });
    }
    expect(painReportSchema.parse(posted()).redFlags).toEqual([]);
  });

  it("refuses a report whose movement question is unanswered", () => {
    for (const blank of [undefined, "", null]) {
      expect(issues({ ...base, mechanical: blank }).mechanical).toEqual(["Answer yes, no or not sure"]);
      expect(issues({ ...posted(), mechanical: blank }).mechanical).toEqual(["Answer yes, no or not sure"]);
    }
  });

  it("stores pain that does not change with movement as the non-mechanical warning sign", () => {
    expect(painReportSchema.parse({ ...base, mechanical: "no" })).toMatchObject({ mechanical: false, redFlags: ["non-mechanical"] });
    expect(painReportSchema.parse({ ...posted(), mechanical: "no" })).toMatchObject({ mechanical: false, redFlags: ["non-mechanical"] });
    // A caller's list that names the sign has answered the movement question with it.
    expect(painReportSchema.parse({ ...base, mechanical: undefined, redFlags: ["non-mechanical"] })).toMatchObject({
      mechanical: false,
      redFlags: ["non-mechanical"],
    });
    expect(issues({ ...base, mechanical: "yes", redFlags: ["non-mechanical"] })).toHaveProperty("mechanical");
  });

  it("accepts symptom ids from callers, in the engine's order and without repeats", () => {
    const parsed = painReportSchema.parse({ ...base, redFlags: ["chest-pain", "fever", "fever"], mechanical: false, triggerPoint: true });
    expect(parsed.redFlags).toEqual(["fever", "chest-pain", "non-mechanical"]);
    expect(parsed.triggerPoint).toBe(true);
  });

  it("names each bad field", () => {
    expect(Object.keys(issues({ ...base, zone: "SPINE", nrs: "11", date: "2026-02-30", side: "UP", timing: "NOON" })).sort()).toEqual([
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
    expect(issues({ ...posted(), [redFlagField("sore-toe")]: "yes" }).redFlags).toEqual(['Unknown warning sign "sore-toe"']);
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

  it("words every warning sign as a question to the athlete: 'ever' for cancer, 'now' for the rest", () => {
    for (const { id } of RED_FLAG_SYMPTOMS) {
      const question = RED_FLAG_QUESTIONS[id];
      expect(question, id).toMatch(/^(Do|Have) you .*\?$/);
      if (id === "cancer-history") {
        expect(question).toBe("Have you ever had cancer?");
      } else {
        expect(question, id).toMatch(/\bnow\b/);
        expect(question, id).not.toMatch(/\bever\b/);
      }
    }
    expect(ASKED_RED_FLAGS.map((s) => s.question)).toEqual(ASKED_RED_FLAGS.map((s) => RED_FLAG_QUESTIONS[s.id]));
  });
});
