import "server-only";
import { getLocale } from "next-intl/server";
import { isLocale, DEFAULT_LOCALE, intlLocale, type Locale } from "@/lib/i18n/config";

/**
 * The current request's language (see lib/i18n/request.ts); English outside a request (scripts, tests
 * calling an action directly).
 */
export async function currentLocale(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** The Intl locale for dates and numbers in the current request ("en-GB", "es-ES"). */
export async function currentIntlLocale(): Promise<string> {
  return intlLocale(await currentLocale());
}
