import { engineText } from "@/lib/i18n/engine-text";
import PDFDocument from "pdfkit";
import { plannedSessionTitle } from "@/lib/calendar/ics";
import { addDays, formatDate, mondayOf, toDbDate } from "@/lib/dates";
import { formatDistance, formatDuration, shortDistance, type Unit } from "@/lib/units";
import { describeWorkout, type WorkoutWords } from "@/lib/plans/workout-steps";
import { plannedReasonText } from "@/lib/plans/reason";
import { intlLocale, type Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { ExportPlanRow } from "./plan-csv";

export type PlanPdfInput = {
  /** Whose plan: an athlete's or a squad's name. */
  subject: string;
  squadName: string | null;
  from: string;
  to: string;
  rows: readonly ExportPlanRow[];
  /** A squad's plan: each athlete on their own pages, named at the top. */
  showAthlete: boolean;
  /** The reader's language (English unless given). */
  locale?: Locale;
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
const MARGIN = 32;
const FOOTER = 18;
const PAD = 4;
const BLOCK_GAP = 5;
const BAR = 2.5;
const INK = "#111111";
const MUTED = "#555555";
const RULE = "#9a9a9a";
const HEAD_FILL = "#e8edf3";
const OUTSIDE_FILL = "#f1f1f1";
const TOTAL_FILL = "#f6f6f6";
const COMPENSATORY = "#b45309";
const HELD = "#8b0000";

type Line = { text: string; font: string; size: number; color: string; strike?: boolean };
type Block = { lines: Line[]; compensatory: boolean };
type Translate = ReturnType<typeof translatorFor<"planPdf">>;

function sessionBlock(row: ExportPlanRow, unit: Unit, t: Translate, locale: Locale): Block {
  const origin = row.origin === "SUGGESTION" ? t("originSuggested") : row.origin === "TEMPLATE" ? t("originTemplate") : null;
  const details = [
    row.distanceKm ? formatDuration(row.durationMin) : null,
    row.targetRpe != null ? t("targetRpe", { rpe: row.targetRpe }) : null,
    origin,
  ].filter(Boolean);
  const compensatory = Boolean(row.flagId || row.reason || row.reasonParts);
  const reason = row.held ? null : plannedReasonText(row, engineText(locale, unit));
  // A held session stays on the page, struck through, with why in words that name no symptom.
  const lines: Line[] = [{ text: plannedSessionTitle(row, unit), font: BOLD, size: 8, color: INK, strike: row.held }];
  if (details.length) lines.push({ text: details.join(" · "), font: FONT, size: 7, color: MUTED, strike: row.held });
  if (row.held) lines.push({ text: t("held"), font: BOLD, size: 7, color: HELD });
  if (row.steps) lines.push({ text: t("workout", { steps: describeWorkout(row.steps, unit, translatorFor(locale, "workoutSteps") as unknown as WorkoutWords) }), font: FONT, size: 7, color: INK, strike: row.held });
  if (row.description) lines.push({ text: row.description, font: FONT, size: 7, color: INK });
  if (reason) lines.push({ text: t("why", { reason }), font: ITALIC, size: 7, color: INK });
  if (row.flagId && !row.held) lines.push({ text: t("fromFlag", { flag: engineText(locale).flagName(row.flagId) }), font: FONT, size: 6.5, color: COMPENSATORY });
  return { lines: lines.map((l) => ({ ...l, text: pdfText(l.text) })), compensatory };
}

/** The athletes of a plan, in the order of their names, each with their sessions. */
function byAthlete(rows: readonly ExportPlanRow[]): { name: string; rows: ExportPlanRow[] }[] {
  const groups = new Map<string, { name: string; rows: ExportPlanRow[] }>();
  for (const r of rows) {
    const group = groups.get(r.athleteId) ?? { name: r.athleteName, rows: [] };
    group.rows.push(r);
    groups.set(r.athleteId, group);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A printable plan: A4 landscape, each athlete on their own pages (a squad's plan), each week a real
 * Monday-to-Sunday grid (a column per day, the day's sessions in its cell, a totals row), compensatory
 * sessions with the reason and the flag behind them. A week taller than a page carries on over the next,
 * its header repeated. Text in the reader's language; dates through Intl.
 */
export function buildPlanPdf(input: PlanPdfInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const locale = input.locale ?? "en";
  const intl = intlLocale(locale);
  const t = translatorFor(locale, "planPdf");
  const unit = input.unit ?? "KM";
  const date = (d: string) => formatDate(d, intl);
  const weekday = new Intl.DateTimeFormat(intl, { weekday: "short", timeZone: "UTC" });
  const dayMonth = new Intl.DateTimeFormat(intl, { day: "numeric", month: "short", timeZone: "UTC" });
  const docTitle = t("title", { subject: input.subject });
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: locale,
    displayTitle: true,
    info: { Title: pdfText(docTitle), Author: "Backbone", Creator: "Backbone", CreationDate: input.generatedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const colW = width / 7;
  const textW = colW - 2 * PAD - BAR - 3;
  const bottom = () => doc.page.height - MARGIN - FOOTER;
  let y = MARGIN;
  let firstPage = true;

  const measure = (l: Line, w: number) => doc.font(l.font).fontSize(l.size).heightOfString(l.text || " ", { width: w });
  const write = (l: Line, x: number, at: number, w: number, maxHeight?: number) =>
    doc
      .font(l.font)
      .fontSize(l.size)
      .fillColor(l.color)
      .text(l.text || " ", x, at, { width: w, lineBreak: true, strike: l.strike ?? false, ...(maxHeight ? { height: maxHeight, ellipsis: true } : {}) });
  const blockHeight = (b: Block) => b.lines.reduce((h, l) => h + measure(l, textW), 0);
  const newPage = () => {
    if (!firstPage) doc.addPage();
    firstPage = false;
    y = MARGIN;
  };

  const weeks = planWeeks(input.from, input.to);
  const athletes = input.showAthlete ? byAthlete(input.rows) : [{ name: input.subject, rows: [...input.rows] }];
  if (athletes.length === 0) athletes.push({ name: input.subject, rows: [] });

  for (const athlete of athletes) {
    // Each athlete starts a page, with whose plan it is and what it covers.
    newPage();
    const heading = input.showAthlete ? t("athleteTitle", { name: athlete.name }) : docTitle;
    write({ text: pdfText(heading), font: BOLD, size: 15, color: INK }, left, y, width);
    y = doc.y + 2;
    const sub = [
      input.showAthlete ? t("title", { subject: input.subject }) : null,
      input.squadName ? t("squad", { name: input.squadName }) : null,
      t("range", { from: date(input.from), to: date(input.to) }),
      t("sessionCount", { count: athlete.rows.length }),
      t("exported", { date: date(input.generatedAt.toISOString().slice(0, 10)) }),
    ]
      .filter(Boolean)
      .join(" · ");
    write({ text: pdfText(sub), font: FONT, size: 8.5, color: MUTED }, left, y, width);
    y = doc.y + 2;
    write({ text: pdfText(t("legend")), font: ITALIC, size: 7.5, color: MUTED }, left, y, width);
    y = doc.y + 8;

    const byDate = new Map<string, ExportPlanRow[]>();
    for (const r of athlete.rows) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);

    for (const week of weeks) {
      const blocks = week.days.map((d) => (byDate.get(d.date) ?? []).map((r) => sessionBlock(r, unit, t, locale)));
      const weekRows = week.days.flatMap((d) => byDate.get(d.date) ?? []);
      const headingLine: Line = { text: "", font: BOLD, size: 10, color: INK };
      const headingH = measure({ ...headingLine, text: "W" }, width) + 4;
      const headRowH = 2 * PAD + measure({ text: "W", font: BOLD, size: 8, color: INK }, textW) + measure({ text: "W", font: FONT, size: 7, color: MUTED }, textW);
      const totalsRowH = 2 * PAD + 2 * measure({ text: "W", font: FONT, size: 7, color: INK }, textW);
      const emptyH = measure({ text: "W", font: ITALIC, size: 7, color: MUTED }, textW);
      const cellH = (list: Block[]) => (list.length ? list.reduce((h, b, i) => h + blockHeight(b) + (i ? BLOCK_GAP : 0), 0) : emptyH);
      const fullH = headingH + headRowH + Math.max(...blocks.map(cellH)) + 2 * PAD + totalsRowH + 10;
      if (y > MARGIN + 60 && y + fullH > bottom()) newPage();

      const next = blocks.map(() => 0);
      let continued = false;
      for (;;) {
        const title = t("weekHeading", { from: date(week.monday), to: date(addDays(week.monday, 6)) }) + (continued ? ` ${t("continued")}` : "");
        write({ ...headingLine, text: pdfText(title) }, left, y, width);
        y = doc.y + 3;
        // The day headers: Mon..Sun with their dates.
        week.days.forEach((d, i) => {
          const x = left + i * colW;
          doc.rect(x, y, colW, headRowH).fill(d.inRange ? HEAD_FILL : OUTSIDE_FILL);
          doc.lineWidth(0.5).strokeColor(RULE).rect(x, y, colW, headRowH).stroke();
          write({ text: pdfText(weekday.format(toDbDate(d.date))), font: BOLD, size: 8, color: d.inRange ? INK : MUTED }, x + PAD, y + PAD, colW - 2 * PAD);
          write({ text: pdfText(dayMonth.format(toDbDate(d.date))), font: FONT, size: 7, color: MUTED }, x + PAD, doc.y, colW - 2 * PAD);
        });
        y += headRowH;
        // As many of each day's sessions as fit above the totals row; the rest go on over the page.
        const room = bottom() - y - 2 * PAD - totalsRowH;
        const take = blocks.map((list, i) => {
          let used = 0;
          let count = 0;
          while (next[i] + count < list.length) {
            const h = blockHeight(list[next[i] + count]) + (count ? BLOCK_GAP : 0);
            if (used + h > room && count > 0) break;
            used += h;
            count += 1;
            if (used > room) break;
          }
          return count;
        });
        const rowH = Math.min(
          Math.max(emptyH, ...blocks.map((list, i) => cellH(list.slice(next[i], next[i] + take[i])))) + 2 * PAD,
          Math.max(bottom() - y - totalsRowH, 20),
        );
        week.days.forEach((d, i) => {
          const x = left + i * colW;
          if (!d.inRange) doc.rect(x, y, colW, rowH).fill(OUTSIDE_FILL);
          doc.lineWidth(0.5).strokeColor(RULE).rect(x, y, colW, rowH).stroke();
          const list = blocks[i].slice(next[i], next[i] + take[i]);
          let sy = y + PAD;
          if (list.length === 0 && next[i] === 0) {
            write({ text: pdfText(d.inRange ? t("nothingPlanned") : t("outside")), font: ITALIC, size: 7, color: MUTED }, x + PAD, sy, colW - 2 * PAD);
          }
          for (const b of list) {
            const h = Math.min(blockHeight(b), y + rowH - PAD - sy);
            if (h <= 0) break;
            if (b.compensatory) doc.rect(x + PAD, sy, BAR, h).fill(COMPENSATORY);
            let ty = sy;
            for (const l of b.lines) {
              // A single session taller than a page is cut rather than allowed to spill.
              write(l, x + PAD + BAR + 3, ty, textW, Math.max(1, y + rowH - PAD - ty));
              ty = doc.y;
              if (ty >= y + rowH - PAD) break;
            }
            sy += blockHeight(b) + BLOCK_GAP;
          }
          next[i] += take[i];
        });
        y += rowH;
        if (next.every((n, i) => n >= blocks[i].length)) break;
        newPage();
        continued = true;
      }
      // The totals row: each day's time and distance.
      week.days.forEach((d, i) => {
        const x = left + i * colW;
        const rows = byDate.get(d.date) ?? [];
        doc.rect(x, y, colW, totalsRowH).fill(TOTAL_FILL);
        doc.lineWidth(0.5).strokeColor(RULE).rect(x, y, colW, totalsRowH).stroke();
        const minutes = rows.filter((r) => !r.held).reduce((m, r) => m + r.durationMin, 0);
        const km = rows.filter((r) => !r.held).reduce((m, r) => m + (r.distanceKm ?? 0), 0);
        const text = minutes ? [formatDuration(minutes), km ? formatDistance(km, unit) : null].filter(Boolean).join(" · ") : "–";
        write({ text: pdfText(text), font: FONT, size: 7, color: INK }, x + PAD, y + PAD, colW - 2 * PAD);
      });
      y += totalsRowH + 2;
      const active = weekRows.filter((r) => !r.held);
      const weekMin = active.reduce((m, r) => m + r.durationMin, 0);
      const weekKm = active.reduce((m, r) => m + (r.distanceKm ?? 0), 0);
      write(
        {
          text: pdfText(
            t("weekTotal", { count: active.length, duration: formatDuration(weekMin) }) + (weekKm ? ` · ${shortDistance(weekKm, unit)}` : ""),
          ),
          font: BOLD,
          size: 7.5,
          color: INK,
        },
        left,
        y,
        width,
      );
      y = doc.y + 10;
    }
  }

  // Footers go in last, when the page count is known; a zero bottom margin keeps them on their page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    write(
      { text: pdfText(`Backbone · ${docTitle} · ${t("page", { page: i + 1, pages: range.count })}`), font: FONT, size: 7.5, color: MUTED },
      left,
      doc.page.height - MARGIN - 8,
      width,
    );
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
