import { engineText } from "@/lib/i18n/engine-text";
import type { Locale } from "@/lib/i18n/config";
import type { PainTriage } from "@/lib/pain/triage";

/**
 * A triage with its possible sources in the reader's language (the engine words them in English), for the
 * triage panel, which also renders in the browser where the engine's catalogue is not loaded.
 */
export function triageInLanguage(triage: PainTriage, locale: Locale): PainTriage {
  if (triage.visceralSources.length === 0) return triage;
  const words = engineText(locale);
  return {
    ...triage,
    visceralSources: triage.visceralSources.map((v) => ({ ...v, ...words.source(v) })),
  };
}
