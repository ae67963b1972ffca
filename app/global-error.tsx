"use client";

// Shown when the root layout itself failed, so the catalogue's provider may be what broke: this page
// carries its few words in both languages and picks the browser's.
const TEXTS = {
  en: { title: "Something went wrong", text: "Backbone could not show this page. Please try again.", retry: "Try again" },
  es: { title: "Algo ha fallado", text: "Backbone no ha podido mostrar esta página. Inténtalo de nuevo.", retry: "Reintentar" },
} as const;

function browserLanguage(): keyof typeof TEXTS {
  if (typeof navigator === "undefined") return "en";
  return navigator.languages?.find((tag) => /^(en|es)\b/i.test(tag))?.slice(0, 2).toLowerCase() === "es" ? "es" : "en";
}

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = browserLanguage();
  const t = TEXTS[lang];
  return (
    <html lang={lang}>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>{t.title}</h1>
        <p>{t.text}</p>
        <button type="button" onClick={reset}>
          {t.retry}
        </button>
      </body>
    </html>
  );
}
