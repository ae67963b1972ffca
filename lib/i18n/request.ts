import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { messagesFor } from "@/lib/i18n/catalogue";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/negotiate";

/**
 * next-intl's per-request configuration (wired in next.config.js). The language is the signed-in
 * person's setting, else the language picked while logged out (a cookie), else the browser's
 * Accept-Language; times are in the person's zone.
 */
export default getRequestConfig(async () => {
  const viewer = await getViewer();
  const locale = resolveLocale(
    viewer?.locale,
    (await headers()).get("accept-language"),
    (await cookies()).get(LOCALE_COOKIE)?.value,
  );
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: viewer?.timeZone ?? "UTC",
    // A missing Spanish key (the catalogue test keeps them in step) falls back to the key's path
    // rather than failing the page.
    onError(error) {
      if (process.env.NODE_ENV !== "production") console.error(error.message);
    },
  };
});
