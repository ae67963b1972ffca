import { getTranslations } from "next-intl/server";
import { chooseLanguageAction } from "@/lib/accounts/actions";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";
import { currentLocale } from "@/lib/i18n/server";

/**
 * The language switch of the logged-out pages: each button keeps the choice in a cookie and comes back
 * to `returnTo`. A signed-in person chooses in their settings instead. Works without JavaScript.
 */
export async function LanguageSwitch({ returnTo }: { returnTo: "/login" | "/signup" }) {
  const [t, locale] = await Promise.all([getTranslations("auth"), currentLocale()]);
  return (
    <form action={chooseLanguageAction} className="row language-switch" aria-label={t("languageSwitch")}>
      <input type="hidden" name="returnTo" value={returnTo} />
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="locale"
          value={code}
          lang={code}
          className="link-button"
          aria-current={code === locale ? "true" : undefined}
          disabled={code === locale}
        >
          {LOCALE_NAMES[code]}
        </button>
      ))}
    </form>
  );
}
