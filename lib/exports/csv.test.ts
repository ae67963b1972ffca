import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { escapeFormula, spreadsheetCsv } from "./csv";

const read = (csv: string) => parse(csv, { bom: true }) as string[][];

describe("the CSV writer", () => {
  it("puts an apostrophe before text that a spreadsheet would run as a formula", () => {
    for (const text of ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "  =1+1", "\n-2"]) {
      expect(escapeFormula(text)).toBe(`'${text}`);
    }
    for (const text of ["Easy run", "10 x 400 m", "'quoted", "a=b", "", "3-4 km"]) expect(escapeFormula(text)).toBe(text);
    // Escaping twice changes nothing more.
    expect(escapeFormula(escapeFormula("=1"))).toBe("'=1");
  });

  it("escapes every string cell, the header's too, and reads back with the apostrophe", () => {
    const [header, row] = read(spreadsheetCsv(["=name", "note"], [['=HYPERLINK("http://x","y")', "-fast finish"]]));
    expect(header).toEqual(["'=name", "note"]);
    expect(row).toEqual(['\'=HYPERLINK("http://x","y")', "'-fast finish"]);
  });

  it("writes numbers as numbers, negative ones without an apostrophe, and booleans and blanks plainly", () => {
    const csv = spreadsheetCsv(["n", "neg", "nan", "yes", "no", "none", "text"], [[12.5, -3, Number.NaN, true, false, null, "-3"]]);
    expect(csv.split("\r\n")[1]).toBe("12.5,-3,,true,false,,'-3");
  });

  it("is the only module that writes CSV", () => {
    const root = path.resolve(__dirname, "../..");
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((entry) => {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) return entry === "generated" || entry === "node_modules" ? [] : sources(full);
        return /\.(ts|tsx)$/.test(entry) && !/\.test\.ts$/.test(entry) ? [full] : [];
      });
    const writers = [...sources(path.join(root, "lib")), ...sources(path.join(root, "app"))]
      .filter((file) => /csv-stringify|text\/csv/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    // http.ts names the content type of the files csv.ts writes.
    expect(writers.sort()).toEqual(["lib/exports/csv.ts", "lib/exports/http.ts"]);
  });
});
