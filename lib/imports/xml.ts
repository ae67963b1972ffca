import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ImportFailure } from "./errors";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // GPX and TCX extensions come under many prefixes (gpxtpx:, ns3:, ext:); the local name is what matters.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder("utf-8").decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return text.endsWith("\n") ? n - 1 : n;
}

/**
 * Parses an XML document after checking it is well-formed, so a damaged file is refused with the reason and
 * place instead of being half-read. `kind` names the format in messages ("GPX", "TCX").
 */
export function parseXml(bytes: Uint8Array, kind: string): Record<string, unknown> {
  const text = decodeText(bytes);
  if (!text.trim()) throw new ImportFailure(`This ${kind} file is empty`);
  const result = XMLValidator.validate(text);
  if (result !== true) {
    const { msg, line, col } = result.err;
    // The validator reports a document that stops early as a list of still-open elements at line 1.
    const open = /^Invalid '\[(.*)\]' found\.?$/s.exec(msg);
    if (open) {
      const tags = [...open[1].matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`).reverse();
      throw new ImportFailure(
        `This ${kind} file is incomplete: it stops at line ${lineCount(text)}, before the end of ${tags.join(", ") || "its root element"} ` +
          "(it was probably cut off during download or export)",
      );
    }
    throw new ImportFailure(`This ${kind} file is not well-formed XML (line ${line}, column ${col}: ${msg.replace(/\.$/, "")})`);
  }
  return parser.parse(text) as Record<string, unknown>;
}

export function asArray<T = unknown>(value: unknown): T[] {
  if (value === undefined || value === null || value === "") return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Text of an element that may have attributes (then the parser puts its text under "#text"). */
export function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  const r = asRecord(value);
  const t = r["#text"];
  return typeof t === "string" || typeof t === "number" ? String(t) : undefined;
}

export function rootElementName(doc: Record<string, unknown>): string | undefined {
  return Object.keys(doc).find((k) => k !== "?xml" && !k.startsWith("#") && !k.startsWith("?"));
}
