import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters, idSchema, multiLineText, singleLineText } from "./input-schemas";
import { stripControlCharacters } from "./control-characters";

const CONTROLS = ["\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\u0085", "\u009f", "\ud83d", "\udc4d", "\udc4d\ud83d"];

describe("control characters", () => {
  it("are found in every field, tabs and line breaks only in single-line ones", () => {
    for (const c of CONTROLS) {
      expect(hasControlCharacters(`a${c}b`, { multiline: true }), JSON.stringify(c)).toBe(true);
      expect(hasControlCharacters(`a${c}b`, { multiline: false }), JSON.stringify(c)).toBe(true);
    }
    for (const c of ["\t", "\n", "\r", "\r\n"]) {
      expect(hasControlCharacters(`a${c}b`, { multiline: true })).toBe(false);
      expect(hasControlCharacters(`a${c}b`, { multiline: false })).toBe(true);
    }
    // Letters of any script, emoji (a whole surrogate pair) and typographic characters are text.
    for (const text of ["Zoë Ødegård", "Łódź", "東京マラソン", "🏃‍♀️ 10 km", "5 × 400 m – easy", "שלום"]) {
      expect(hasControlCharacters(text, { multiline: false }), text).toBe(false);
    }
  });

  it("are stripped from text read from files", () => {
    expect(stripControlCharacters("Hill\u0000 repeats\u0007", { multiline: true })).toBe("Hill repeats");
    expect(stripControlCharacters("a\tb\nc", { multiline: true })).toBe("a\tb\nc");
    expect(stripControlCharacters("a\tb\nc\u0000", { multiline: false })).toBe("abc");
  });
});

describe("text schemas", () => {
  const title = singleLineText({ error: "Name it" }).min(1, "Name it").max(20, "Use at most 20 characters");
  const notes = multiLineText().max(100);

  it("trim and keep what a person types", () => {
    expect(title.parse("  Long run  ")).toBe("Long run");
    expect(notes.parse("Warm up\n\t3 x 10 min\r\nCool down")).toBe("Warm up\n\t3 x 10 min\r\nCool down");
  });

  it("refuse control characters with one message for the field", () => {
    for (const c of CONTROLS) {
      for (const schema of [title, notes]) {
        const result = schema.safeParse(`Run${c}fast`);
        expect(result.success, JSON.stringify(c)).toBe(false);
        expect(result.error?.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTERS_MESSAGE]);
      }
    }
    expect(title.safeParse("Run\tfast").error?.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTERS_MESSAGE]);
    expect(title.safeParse("Run\nfast").error?.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTERS_MESSAGE]);
  });

  it("keep their other messages", () => {
    expect(title.safeParse("").error?.issues.map((i) => i.message)).toEqual(["Name it"]);
    expect(title.safeParse(undefined).error?.issues.map((i) => i.message)).toEqual(["Name it"]);
    expect(title.safeParse("x".repeat(21)).error?.issues.map((i) => i.message)).toEqual(["Use at most 20 characters"]);
  });
});

describe("ids", () => {
  it("are cuid-like ids and base64url tokens", () => {
    for (const id of ["cmabc123def456ghi789jkl0", "e2e0123456789abcdef", "AbC-_9"]) expect(idSchema.parse(id)).toBe(id);
    for (const id of ["", "\u0000", "a b", "a/b", "x".repeat(65), "abc\u202e", "a%00"]) expect(idSchema.safeParse(id).success, JSON.stringify(id)).toBe(false);
  });
});
