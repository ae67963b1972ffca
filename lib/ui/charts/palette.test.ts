import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHART_BACKGROUND, CHART_TEXT, CSS_VARIABLES, HEAT_BANDS, MARK_COLOURS, SERIES, contrastRatio } from "./palette";

describe("chart palette", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it.each(MARK_COLOURS.map((c) => [c]))("mark colour %s reaches 3:1 against the background", (colour) => {
    expect(contrastRatio(colour, CHART_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it.each(Object.entries(CHART_TEXT))("text colour %s reaches 4.5:1 against the background", (_, colour) => {
    expect(contrastRatio(colour, CHART_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(HEAT_BANDS.map((b) => [b.key, b]))("heat band %s writes its number at 4.5:1 on its fill", (_, band) => {
    expect(contrastRatio(band.text, band.fill)).toBeGreaterThanOrEqual(4.5);
  });

  it("gives the series distinct colours", () => {
    const values = Object.values(SERIES);
    expect(new Set(values).size).toBe(values.length);
  });

  it("is mirrored by the CSS variables of app/globals.css", () => {
    const css = readFileSync(join(process.cwd(), "app/globals.css"), "utf8");
    for (const [name, value] of Object.entries(CSS_VARIABLES)) {
      const match = css.match(new RegExp(`${name}:\\s*(#[0-9a-fA-F]{6});`));
      expect(match?.[1]?.toLowerCase(), name).toBe(value.toLowerCase());
    }
  });
});
