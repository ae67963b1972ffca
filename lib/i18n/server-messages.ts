import en from "@/lib/i18n/messages/en.json";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/config";

/**
 * Messages that mutations and schemas raise are written in English where they arise (so logs, the audit
 * trail and tests read one language) and put into the reader's language at the edge: a form's state,
 * a route's JSON error. Each English message has a key under `serverMessages` in the catalogue; a
 * message with parts that vary names them like the catalogue does ("At most {max} characters"), and
 * the parts are carried over as they are. A message with no entry is shown as it is.
 */
type Pattern = { key: string; regex: RegExp; params: string[] };

let patterns: { exact: Map<string, string>; templated: Pattern[] } | null = null;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(): NonNullable<typeof patterns> {
  const exact = new Map<string, string>();
  const templated: Pattern[] = [];
  for (const [key, message] of Object.entries(en.serverMessages as Record<string, string>)) {
    const params: string[] = [];
    const parts = message.split(/\{(\w+)\}/);
    if (parts.length === 1) {
      exact.set(message, key);
      continue;
    }
    let source = "";
    parts.forEach((part, i) => {
      if (i % 2 === 0) source += escapeRegex(part);
      else {
        params.push(part);
        source += "(.+?)";
      }
    });
    templated.push({ key, regex: new RegExp(`^${source}$`, "s"), params });
  }
  return { exact, templated };
}

export function localizeServerMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  patterns ??= compile();
  const t = translatorFor(locale, "serverMessages") as unknown as (key: string, values?: Record<string, string>) => string;
  const key = patterns.exact.get(message);
  if (key) return t(key);
  for (const pattern of patterns.templated) {
    const found = pattern.regex.exec(message);
    if (!found) continue;
    const values: Record<string, string> = {};
    pattern.params.forEach((name, i) => (values[name] = name === "wait" ? localizeWait(found[i + 1], locale) : found[i + 1]));
    return t(pattern.key, values);
  }
  return message;
}

/**
 * A wait that a rate limit names in English ("5 minutes", "1 second", see describeWait in
 * lib/auth/rate-limit.ts) in the reader's language; anything else as it is.
 */
export function localizeWait(wait: string, locale: Locale): string {
  const found = /^(\d+) (second|minute)s?$/.exec(wait);
  if (!found || locale === "en") return wait;
  const t = translatorFor(locale, "auth");
  return found[2] === "second" ? t("waitSeconds", { count: Number(found[1]) }) : t("waitMinutes", { count: Number(found[1]) });
}

/** A form state's or an error body's messages, each put into the reader's language. */
export function localizeFieldErrors(fieldErrors: Record<string, string[]> | undefined, locale: Locale): Record<string, string[]> | undefined {
  if (!fieldErrors || locale === "en") return fieldErrors;
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) out[field] = messages.map((m) => localizeServerMessage(m, locale));
  return out;
}
