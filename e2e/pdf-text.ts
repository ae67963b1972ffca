import { inflateSync } from "node:zlib";

// Windows-1252 bytes 0x80-0x9F, the only ones of the standard fonts' encoding that differ from Latin-1.
const CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decode(hex: string): string {
  let out = "";
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    out += byte >= 0x80 && byte <= 0x9f ? CP1252[byte - 0x80] : String.fromCharCode(byte);
  }
  return out;
}

/**
 * The lines of text drawn in a PDF written with the standard fonts (as pdfkit writes them: one
 * TJ array of hex strings per line), whether its content streams are compressed or not.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  return pdfStreamLines(pdf).flat();
}

/**
 * The text of each page, in order (pdfkit writes one content stream per page, in page order), its lines
 * joined by spaces, so text wrapped inside a table cell reads as one.
 */
export function pdfPageTexts(pdf: Buffer): string[] {
  return pdfStreamLines(pdf)
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join(" ").replace(/\s+/g, " "));
}

/** All the text of a PDF as one string, wrapped lines joined by spaces. */
export function pdfPlainText(pdf: Buffer): string {
  return pdfPageTexts(pdf).join(" ");
}

function pdfStreamLines(pdf: Buffer): string[][] {
  const raw = pdf.toString("latin1");
  const contents: string[] = [];
  const streamRe = /<<([^]*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    const bytes = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(m[1])) {
      try {
        contents.push(inflateSync(bytes).toString("latin1"));
      } catch {
        // Not a content stream we can read (e.g. a truncated one); its text is not needed.
      }
    } else {
      contents.push(bytes.toString("latin1"));
    }
  }
  return contents.map((content) =>
    [...content.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((tj) => [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decode(h[1])).join("")),
  );
}

/** How many pages a PDF has, from its page objects. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
}
