import { describe, expect, it } from "vitest";
import { profileSchema } from "@/lib/profiles/schemas";

const base = {
  birthDate: "",
  sex: "UNDISCLOSED",
  heightCm: "",
  weightKg: "",
  footprintType: "UNASSESSED",
  legLengthDiscrepancyMm: "",
  postureLoad: [],
  curvatureFindings: [],
  injuryHistory: "",
};

describe("athlete profile schema", () => {
  it("turns empty fields into nulls", () => {
    expect(profileSchema.parse(base)).toMatchObject({ birthDate: null, heightCm: null, injuryHistory: null });
  });

  it("reads decimal commas and checks ranges", () => {
    expect(profileSchema.parse({ ...base, weightKg: "61,5" }).weightKg).toBe(61.5);
    const result = profileSchema.safeParse({ ...base, heightCm: "500", legLengthDiscrepancyMm: "-1" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual(["heightCm", "legLengthDiscrepancyMm"]);
  });

  it("refuses impossible and future birth dates", () => {
    expect(profileSchema.safeParse({ ...base, birthDate: "2001-02-30" }).success).toBe(false);
    expect(profileSchema.safeParse({ ...base, birthDate: "2999-01-01" }).success).toBe(false);
    expect(profileSchema.parse({ ...base, birthDate: "1984-02-29" }).birthDate).toBe("1984-02-29");
  });

  it("accepts only known posture and curvature options", () => {
    expect(profileSchema.safeParse({ ...base, postureLoad: ["DESK", "LIFTING"] }).success).toBe(true);
    expect(profileSchema.safeParse({ ...base, postureLoad: ["SOFA"] }).success).toBe(false);
  });
});
