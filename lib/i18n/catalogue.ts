import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import es from "@/lib/i18n/messages/es.json";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";

/** The catalogue's shape, taken from the English one: every key a translation function accepts. */
export type Messages = typeof en;

const CATALOGUES: Record<Locale, Messages> = { en, es };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale] ?? CATALOGUES[DEFAULT_LOCALE];
}

/**
 * A translation function outside a request (emails, notifications, PDFs, scripts, tests):
 * `translatorFor("es", "nav")("inbox")`. Inside pages and actions use next-intl's getTranslations.
 */
export function translatorFor<N extends keyof Messages>(locale: Locale, namespace: N) {
  const key = `${locale}:${namespace}`;
  let made = translators.get(key);
  if (!made) {
    made = createTranslator({ locale, messages: messagesFor(locale), namespace });
    translators.set(key, made);
  }
  return made as ReturnType<typeof createTranslator<Messages, N>>;
}

// One translator per language and namespace for the process: each keeps the messages it has parsed, so
// a list that words every row (session times, audit entries) parses each message once, not once a row.
// Catalogues never change while the process runs.
const translators = new Map<string, unknown>();

/** Only the named top-level namespaces, for what the client needs (see app/layout.tsx). */
export function pickNamespaces(messages: Messages, namespaces: readonly string[]): Partial<Messages> {
  const out: Record<string, unknown> = {};
  for (const ns of namespaces) {
    if (ns in messages) out[ns] = (messages as Record<string, unknown>)[ns];
  }
  return out as Partial<Messages>;
}
