/**
 * The charts' colours, defined once. Hues from the Okabe-Ito and Paul Tol palettes (told apart with the
 * common colour-vision deficiencies), darkened where needed so that every mark reaches 3:1 against the
 * card background and every text 4.5:1 (WCAG 2.1 AA, checked by palette.test.ts). app/globals.css
 * mirrors the values as --chart-* variables for the HTML parts (legends, heat maps); the test checks
 * they agree.
 */
export const CHART_BACKGROUND = "#ffffff";

export const CHART_TEXT = {
  /** Titles, legends and tooltips. */
  text: "#17202a",
  /** Axis ticks and panel labels. */
  axis: "#3d4852",
} as const;

/** Marks: lines, bars, dots. Two series on one chart also differ by dash (see DASH) or marker. */
export const SERIES = {
  blue: "#0072b2",
  vermillion: "#d55e00",
  green: "#007a5a",
  purple: "#aa4499",
  ochre: "#9a6700",
  indigo: "#332288",
  slate: "#5f6b7a",
  /** Daily load bars: the context the average lines are read against. */
  bar: "#7d8fa6",
  /** Threshold lines (the flag's value). */
  threshold: "#b42318",
  /** A value above the clipped axis top: the marker drawn at the top. */
  clipped: "#17202a",
} as const;

/** Stroke patterns, so that lines sharing a chart never rely on colour alone. */
export const DASH = { solid: undefined, dashed: "7 4", dotted: "2 3", dashDot: "8 3 2 3" } as const;

/** Weekly running by surface (stacked bars): eight hues, each at least 3:1 on white. */
export const SURFACE_COLOURS: Record<string, string> = {
  asphalt: "#5f6b7a",
  track: "#d55e00",
  trail: "#117733",
  grass: "#7a6a00",
  sand: "#9a6700",
  treadmill: "#aa4499",
  mixed: "#0072b2",
  unrecorded: "#332288",
};

/**
 * The back-zone heat map: the week's worst pain in the pain flags' bands, a sequential yellow-orange-brown
 * ramp (read the same by colour-blind readers). Light cells carry a dark outline (the 3:1 is the outline's),
 * and each cell writes its number in a text colour of at least 4.5:1 on its fill.
 */
export const HEAT_BANDS = [
  { key: "none", fill: "#f1f3f6", stroke: "#8a94a3", text: "#17202a" },
  { key: "mild", fill: "#fee391", stroke: "#7a6a00", text: "#17202a" },
  { key: "moderate", fill: "#ec7014", stroke: "#8c2d04", text: "#17202a" },
  { key: "severe", fill: "#8c2d04", stroke: "#8c2d04", text: "#ffffff" },
] as const;

/** Every colour that must reach 3:1 against the background (marks and outlines). */
export const MARK_COLOURS: readonly string[] = [
  ...Object.values(SERIES),
  ...Object.values(SURFACE_COLOURS),
  ...HEAT_BANDS.map((b) => b.stroke),
];

/** The CSS variables app/globals.css declares, by name. */
export const CSS_VARIABLES: Record<string, string> = {
  "--chart-text": CHART_TEXT.text,
  "--chart-axis": CHART_TEXT.axis,
  "--chart-blue": SERIES.blue,
  "--chart-vermillion": SERIES.vermillion,
  "--chart-green": SERIES.green,
  "--chart-purple": SERIES.purple,
  "--chart-threshold": SERIES.threshold,
  "--heat-none": HEAT_BANDS[0].fill,
  "--heat-none-stroke": HEAT_BANDS[0].stroke,
  "--heat-mild": HEAT_BANDS[1].fill,
  "--heat-mild-stroke": HEAT_BANDS[1].stroke,
  "--heat-moderate": HEAT_BANDS[2].fill,
  "--heat-moderate-stroke": HEAT_BANDS[2].stroke,
  "--heat-severe": HEAT_BANDS[3].fill,
};

/** WCAG 2.1 relative luminance of a "#rrggbb" colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two "#rrggbb" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
