import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/lib/i18n/config";

const MAX_ACCEPT_LANGUAGE = 512;

/**
 * The best of our languages for an Accept-Language header ("es-MX,es;q=0.9,en;q=0.8" → "es"), else
 * English. A header longer than 512 characters is cut before it is read: no browser sends one.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const header = acceptLanguage.slice(0, MAX_ACCEPT_LANGUAGE);
  let requested: string[];
  try {
    requested = new Negotiator({ headers: { "accept-language": header } }).languages().filter((tag) => tag !== "*");
    const found = match(requested, [...LOCALES], DEFAULT_LOCALE);
    return isLocale(found) ? found : DEFAULT_LOCALE;
  } catch {
    // A malformed tag (Intl refuses it) reads as no preference.
    return DEFAULT_LOCALE;
  }
}

/** The cookie a logged-out visitor's language choice is kept in (the switch on the login and sign-up pages). */
export const LOCALE_COOKIE = "locale";

/**
 * The language for a person: their own setting when they chose one, else the language they picked
 * while logged out (the `locale` cookie), else what their browser asks for.
 */
export function resolveLocale(
  setting: string | null | undefined,
  acceptLanguage: string | null | undefined,
  chosen?: string | null,
): Locale {
  if (isLocale(setting)) return setting;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(acceptLanguage);
}
