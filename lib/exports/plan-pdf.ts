import { engineText } from "@/lib/i18n/engine-text";
import PDFDocument from "pdfkit";
import { HELD_REASON } from "@/lib/safety/labels";
import { plannedSessionTitle } from "@/lib/calendar/ics";
import { addDays, formatDate, mondayOf } from "@/lib/dates";
import { formatDuration, shortDistance, textInUnit, type Unit } from "@/lib/units";
import { describeWorkout } from "@/lib/plans/workout-steps";
import { ORIGIN_LABELS, weekdayOf, type ExportPlanRow } from "./plan-csv";

export type PlanPdfInput = {
  /** Whose plan: an athlete's or a squad's name. */
  subject: string;
  squadName: string | null;
  from: string;
  to: string;
  rows: readonly ExportPlanRow[];
  /** Put the athlete's name on each session (a squad's plan). */
  showAthlete: boolean;
  /** The reader's distance unit (km unless given). */
  unit?: Unit;
  generatedAt: Date;
};

export type PlanWeek = { monday: string; days: { date: string; inRange: boolean }[] };

/** Monday-to-Sunday weeks covering the range; days of the first and last week outside it are marked. */
export function planWeeks(from: string, to: string): PlanWeek[] {
  const weeks: PlanWeek[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    weeks.push({
      monday,
      days: Array.from({ length: 7 }, (_, i) => {
        const date = addDays(monday, i);
        return { date, inRange: date >= from && date <= to };
      }),
    });
  }
  return weeks;
}

// The standard PDF fonts need no font file, but they only know the Windows-1252 characters.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const FALLBACK: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", ı: "i", Ħ: "H", ħ: "h", Ŀ: "L", ŀ: "l", "−": "-", "…": "..." };

/** Text as the standard fonts can draw it: accents dropped only where the letter has no glyph, "?" otherwise. */
export function pdfText(value: string): string {
  let out = "";
  for (const ch of value.replace(/\r\n?/g, "\n").replace(/\t/g, " ")) {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) {
      out += ch;
      continue;
    }
    const base = FALLBACK[ch] ?? ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    out += /^[\x20-\x7e\xa0-\xff]+$/.test(base) ? base : "?";
  }
  return out;
}

const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const ITALIC = "Helvetica-Oblique";
const MARGIN = 40;
const FOOTER = 22;
const LABEL_WIDTH = 92;
const PAD = 5;
const BLOCK_GAP = 5;
const BAR = 3;
const INK = "#111111";
const MUTED = "#555555";
const RULE = "#9a9a9a";
const OUTSIDE_FILL = "#eeeeee";
const COMPENSATORY = "#b45309";
const HELD = "#8b0000";

type Line = { text: string; font: string; size: number; color: string; strike?: boolean };
type Block = { lines: Line[]; compensatory: boolean };

function sessionBlock(row: ExportPlanRow, showAthlete: boolean, unit: Unit): Block {
  const details = [
    formatDuration(row.durationMin),
    row.distanceKm ? shortDistance(row.distanceKm, unit) : null,
    row.targetRpe != null ? `target RPE ${row.targetRpe}/10` : null,
    row.origin !== "COACH" ? (ORIGIN_LABELS[row.origin] ?? row.origin) : null,
  ].filter(Boolean);
  const compensatory = Boolean(row.flagId || row.reason);
  // A held session stays on the page, struck through, with why in words that name no symptom.
  const lines: Line[] = [
    { text: `${showAthlete ? `${row.athleteName}: ` : ""}${plannedSessionTitle(row, unit)}`, font: BOLD, size: 9.5, color: INK, strike: row.held },
    { text: details.join(" · "), font: FONT, size: 8.5, color: MUTED, strike: row.held },
  ];
  if (row.held) lines.push({ text: HELD_REASON, font: BOLD, size: 8.5, color: HELD });
  if (row.steps) lines.push({ text: `Workout: ${describeWorkout(row.steps, unit)}`, font: FONT, size: 8.5, color: INK, strike: row.held });
  if (row.description) lines.push({ text: row.description, font: FONT, size: 8.5, color: INK });
  if (row.reason && !row.held) lines.push({ text: `Why: ${textInUnit(row.reason, unit)}`, font: ITALIC, size: 8.5, color: INK });
  if (row.flagId && !row.held) lines.push({ text: `Suggested for: ${engineText("en").flagName(row.flagId)}`, font: FONT, size: 8, color: COMPENSATORY });
  return { lines: lines.map((l) => ({ ...l, text: pdfText(l.text) })), compensatory };
}

/**
 * A printable plan: A4 portrait, one Monday-to-Sunday grid per week (a row per day), each planned
 * session with its details, and for compensatory sessions the reason and the flag behind them.
 * Weeks do not split across pages unless a single week is taller than a page.
 */
export function buildPlanPdf(input: PlanPdfInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const title = `Training plan: ${input.subject}`;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: "en",
    displayTitle: true,
    info: { Title: pdfText(title), Author: "Backbone", Creator: "Backbone", CreationDate: input.generatedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const sessionX = left + LABEL_WIDTH + PAD;
  const sessionWidth = width - LABEL_WIDTH - 2 * PAD - BAR - 4;
  const bottom = () => doc.page.height - MARGIN - FOOTER;
  let y = MARGIN;

  const measure = (l: Line, w: number) => doc.font(l.font).fontSize(l.size).heightOfString(l.text || " ", { width: w });
  const write = (l: Line, x: number, at: number, w: number, maxHeight?: number) =>
    doc
      .font(l.font)
      .fontSize(l.size)
      .fillColor(l.color)
      .text(l.text || " ", x, at, { width: w, lineBreak: true, strike: l.strike ?? false, ...(maxHeight ? { height: maxHeight, ellipsis: true } : {}) });
  const blockHeight = (b: Block) => b.lines.reduce((h, l) => h + measure(l, sessionWidth), 0);

  // Title block on the first page.
  write({ text: pdfText(title), font: BOLD, size: 16, color: INK }, left, y, width);
  y = doc.y + 2;
  const sub = [
    input.squadName ? `Squad: ${input.squadName}` : null,
    `${formatDate(input.from)} to ${formatDate(input.to)}`,
    `${input.rows.length} planned session${input.rows.length === 1 ? "" : "s"}`,
    `exported ${input.generatedAt.toISOString().slice(0, 10)}`,
  ]
    .filter(Boolean)
    .join(" · ");
  write({ text: pdfText(sub), font: FONT, size: 9.5, color: MUTED }, left, y, width);
  y = doc.y + 2;
  write(
    { text: "Sessions with an orange bar compensate for a flag: \"Why\" gives the reason.", font: ITALIC, size: 8.5, color: MUTED },
    left,
    y,
    width,
  );
  y = doc.y + 10;

  const byDate = new Map<string, ExportPlanRow[]>();
  for (const r of input.rows) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);

  const weekHeading = (week: PlanWeek, continued: boolean) => {
    const text = `Week of ${formatDate(week.monday)} to ${formatDate(addDays(week.monday, 6))}${continued ? " (continued)" : ""}`;
    write({ text, font: BOLD, size: 11, color: INK }, left, y, width);
    y = doc.y + 4;
  };
  const newPage = (week: PlanWeek) => {
    doc.addPage();
    y = MARGIN;
    weekHeading(week, true);
  };

  const labelLines = (date: string, inRange: boolean): Line[] => [
    { text: weekdayOf(date), font: BOLD, size: 9.5, color: inRange ? INK : MUTED },
    { text: formatDate(date), font: FONT, size: 8.5, color: MUTED },
  ];

  /** One bordered row of the grid: the day's label on the left and these blocks on the right. */
  const drawRow = (date: string, inRange: boolean, blocks: Block[], emptyText: string | null) => {
    const labels = labelLines(date, inRange);
    const labelH = labels.reduce((h, l) => h + measure(l, LABEL_WIDTH - PAD), 0);
    const empty: Line | null = emptyText ? { text: emptyText, font: ITALIC, size: 8.5, color: MUTED } : null;
    const contentH = empty ? measure(empty, sessionWidth) : blocks.reduce((h, b, i) => h + blockHeight(b) + (i ? BLOCK_GAP : 0), 0);
    const rowH = Math.min(Math.max(labelH, contentH) + 2 * PAD, bottom() - y);
    if (!inRange) doc.rect(left, y, width, rowH).fill(OUTSIDE_FILL);
    doc.lineWidth(0.5).strokeColor(RULE).rect(left, y, width, rowH).stroke();
    doc.moveTo(left + LABEL_WIDTH, y).lineTo(left + LABEL_WIDTH, y + rowH).stroke();
    let ly = y + PAD;
    for (const l of labels) {
      write(l, left + PAD, ly, LABEL_WIDTH - PAD);
      ly = doc.y;
    }
    let sy = y + PAD;
    if (empty) write(empty, sessionX, sy, sessionWidth);
    for (const b of blocks) {
      const h = blockHeight(b);
      if (b.compensatory) doc.rect(sessionX, sy, BAR, h).fill(COMPENSATORY);
      let ty = sy;
      for (const l of b.lines) {
        // A single session taller than a page is cut rather than allowed to spill onto a new page.
        write(l, sessionX + BAR + 4, ty, sessionWidth, Math.max(1, y + rowH - PAD - ty));
        ty = doc.y;
        if (ty >= y + rowH - PAD) break;
      }
      sy += h + BLOCK_GAP;
    }
    y += rowH;
  };

  const weeks = planWeeks(input.from, input.to);
  for (const week of weeks) {
    const dayBlocks = week.days.map((d) => (byDate.get(d.date) ?? []).map((r) => sessionBlock(r, input.showAthlete, input.unit ?? "KM")));
    const headingH = doc.font(BOLD).fontSize(11).heightOfString("W") + 4;
    const dayHeights = week.days.map((d, i) => {
      const labelH = labelLines(d.date, d.inRange).reduce((h, l) => h + measure(l, LABEL_WIDTH - PAD), 0);
      const contentH = dayBlocks[i].reduce((h, b, j) => h + blockHeight(b) + (j ? BLOCK_GAP : 0), 0);
      return Math.max(labelH, contentH) + 2 * PAD;
    });
    const weekH = headingH + dayHeights.reduce((a, b) => a + b, 0) + 12;
    const fresh = y <= MARGIN + 1;
    if (!fresh && y + weekH > bottom()) {
      doc.addPage();
      y = MARGIN;
    }
    weekHeading(week, false);
    week.days.forEach((day, i) => {
      const blocks = dayBlocks[i];
      if (blocks.length === 0) {
        if (y + dayHeights[i] > bottom()) newPage(week);
        drawRow(day.date, day.inRange, [], day.inRange ? "Nothing planned" : "Outside the exported dates");
        return;
      }
      // Fill the page with as many of the day's sessions as fit, then carry on over the page.
      let next = 0;
      while (next < blocks.length) {
        const room = bottom() - y - 2 * PAD;
        let used = 0;
        let count = 0;
        while (next + count < blocks.length) {
          const h = blockHeight(blocks[next + count]) + (count ? BLOCK_GAP : 0);
          if (used + h > room) break;
          used += h;
          count += 1;
        }
        const pageIsFresh = y <= MARGIN + headingH + 30;
        if (count === 0 && !pageIsFresh) {
          newPage(week);
          continue;
        }
        const take = Math.max(count, 1);
        drawRow(day.date, day.inRange, blocks.slice(next, next + take), null);
        next += take;
        if (next < blocks.length) newPage(week);
      }
    });
    y += 12;
  }

  // Footers go in last, when the page count is known; a zero bottom margin keeps them on their page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    write(
      { text: pdfText(`Backbone · ${title} · page ${i + 1} of ${range.count}`), font: FONT, size: 8, color: MUTED },
      left,
      doc.page.height - MARGIN - 10,
      width,
    );
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
