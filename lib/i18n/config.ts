/** The languages Backbone speaks. Each has one catalogue, lib/i18n/messages/<locale>.json, with the same keys. */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The Intl locale that dates and numbers are written in: British English (day before month, as the
 * rest of the product) and Spain's Spanish.
 */
export function intlLocale(locale: Locale): string {
  return locale === "es" ? "es-ES" : "en-GB";
}

/**
 * The catalogue namespaces client components read (with useTranslations); the root layout sends only
 * these to the browser. A namespace used only by server components stays on the server.
 */
export const CLIENT_NAMESPACES: readonly string[] = [
  "common",
  "preferences",
  "forms",
  "pain",
  "bodyMap",
  "ostrc",
  "wellness",
  "profile",
  "shoes",
  "auth",
  "settings",
  "inbox",
  "errors",
  "comments",
  "sessions",
  "sessionForm",
  "sessionTypes",
  "imports",
  "coachEntry",
  "squad",
  "squadLog",
  "managedAthletes",
  "charts",
  "plan",
  "workoutSteps",
  "flagReview",
];
