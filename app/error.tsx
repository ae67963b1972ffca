"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="narrow card" role="alert">
      <h1>{t("errorTitle")}</h1>
      <p>{t("errorText")}</p>
      <button type="button" onClick={reset}>
        {t("tryAgain")}
      </button>
    </div>
  );
}
