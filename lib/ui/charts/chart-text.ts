"use client";

// The chart texts and Intl locale for client components, without the chart library: the tables and
// the disclosure use these and stay out of the lazily loaded plot bundle.
import { useLocale, useTranslations } from "next-intl";
import { intlLocale, isLocale } from "@/lib/i18n/config";

/** The catalogue's chart texts and the page's Intl locale. */
export function useChartText() {
  const t = useTranslations("charts");
  const locale = useLocale();
  return { t, locale: intlLocale(isLocale(locale) ? locale : "en") };
}

export function numberFormatter(locale: string, digits = 2) {
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
  return (v: number) => f.format(v);
}
