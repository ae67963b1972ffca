import { describe, expect, it } from "vitest";
import { isBlockPaste, parsePasteBlock, planPaste, readPastedValue } from "@/lib/squad-log/paste";

describe("parsePasteBlock", () => {
  it("reads a spreadsheet block: tabs between cells, line breaks between rows, one trailing break ignored", () => {
    expect(parsePasteBlock("8\t10\t\n6/40\t\t12\r\n")).toEqual([
      ["8", "10", ""],
      ["6/40", "", "12"],
    ]);
  });

  it("keeps quoted cells whole, quotes doubled inside them", () => {
    expect(parsePasteBlock('"8\n/45"\t"say ""hi"""')).toEqual([["8\n/45", 'say "hi"']]);
  });

  it("reads nothing from an empty paste", () => {
    expect(parsePasteBlock("")).toEqual([]);
    expect(parsePasteBlock("\n")).toEqual([]);
  });
});

describe("isBlockPaste", () => {
  it("is a block with a tab, a line break inside or a slash; a plain number is left to the field", () => {
    expect(isBlockPaste("8\t9")).toBe(true);
    expect(isBlockPaste("8\n9")).toBe(true);
    expect(isBlockPaste("8/45/6")).toBe(true);
    expect(isBlockPaste("8.5")).toBe(false);
    expect(isBlockPaste("8.5\n")).toBe(false);
  });
});

describe("readPastedValue", () => {
  it("splits distance/minutes/RPE and fills only what is given", () => {
    expect(readPastedValue("8/45/6", "distance")).toEqual({ distance: "8", minutes: "45", rpe: "6" });
    expect(readPastedValue("8/45", "rpe")).toEqual({ distance: "8", minutes: "45" });
    expect(readPastedValue("/50/", "distance")).toEqual({ minutes: "50" });
  });

  it("puts a plain value in the field the paste started in, and leaves a cell alone for an empty value", () => {
    expect(readPastedValue("45", "minutes")).toEqual({ minutes: "45" });
    expect(readPastedValue("  ", "minutes")).toBeNull();
    expect(readPastedValue("//", "minutes")).toBeNull();
  });

  it("keeps too many parts for the save to refuse, not silently dropped", () => {
    expect(readPastedValue("8/45/6/7", "distance")).toEqual({ distance: "8", minutes: "45", rpe: "6/7" });
  });
});

describe("planPaste", () => {
  it("fills a 3 x 7 block from the focused cell", () => {
    const block = [0, 1, 2].map((r) => Array.from({ length: 7 }, (_, d) => `${r + d + 1}/40/5`));
    const { assignments, outside } = planPaste(block, { row: 0, day: 0, field: "distance" }, { rows: 3, days: 7 });
    expect(outside).toBe(0);
    expect(assignments).toHaveLength(21);
    expect(assignments[8]).toEqual({ row: 1, day: 1, values: { distance: "3", minutes: "40", rpe: "5" } });
  });

  it("counts what falls beyond the last athlete or Sunday, and skips empty values", () => {
    const { assignments, outside } = planPaste(
      [
        ["1", "", "3"],
        ["4", "5", "6"],
      ],
      { row: 1, day: 5, field: "minutes" },
      { rows: 2, days: 7 },
    );
    expect(assignments).toEqual([
      { row: 1, day: 5, values: { minutes: "1" } },
    ]);
    expect(outside).toBe(4);
  });
});
