import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import es from "@/lib/i18n/messages/es.json";

/** Every leaf of a catalogue as "namespace.key.sub" → message. */
function leaves(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else if (value && typeof value === "object") for (const [k, v] of leaves(value, path)) out.set(k, v);
    else throw new Error(`${path} is neither a message nor a group`);
  }
  return out;
}

/** The names of an ICU message's arguments ("{count, plural, one {# run} other {# runs}}" → count). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  // Top-level and nested "{name" or "{name," openings; plural branches ("one {...}") have no name before them.
  for (const found of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*(?=[,}])/g)) names.add(found[1]);
  return [...names].sort();
}

describe("the catalogues", () => {
  const english = leaves(en);
  const spanish = leaves(es);

  it("have the same keys in English and Spanish", () => {
    const onlyEnglish = [...english.keys()].filter((k) => !spanish.has(k));
    const onlySpanish = [...spanish.keys()].filter((k) => !english.has(k));
    expect({ onlyEnglish, onlySpanish }).toEqual({ onlyEnglish: [], onlySpanish: [] });
  });

  it("use the same arguments in both languages", () => {
    const mismatched: string[] = [];
    for (const [key, message] of english) {
      const other = spanish.get(key);
      if (other !== undefined && argumentsOf(message).join() !== argumentsOf(other).join()) mismatched.push(key);
    }
    expect(mismatched).toEqual([]);
  });

  it("have no empty message", () => {
    const empty = [...english, ...spanish].filter(([, message]) => message.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("hold messages that format: a tag or an unquoted angle bracket does not break one", () => {
    const broken: string[] = [];
    for (const [locale, catalogue, all] of [["en", en, english], ["es", es, spanish]] as const) {
      const t = createTranslator({ locale, messages: catalogue, onError: (error) => broken.push(`${locale}: ${error.message}`) }) as unknown as {
        markup(key: string, values: Record<string, unknown>): string;
      };
      for (const [key, message] of all) {
        // English server messages are patterns matched against raw text, never formatted.
        if (locale === "en" && key.startsWith("serverMessages.")) continue;
        const values: Record<string, unknown> = {};
        for (const name of argumentsOf(message)) values[name] = 1;
        for (const found of message.matchAll(/<(\w+)>/g)) values[found[1]] = (chunks: string) => chunks;
        t.markup(key, values);
      }
    }
    expect(broken).toEqual([]);
  });
});
