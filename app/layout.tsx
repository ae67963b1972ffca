import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/lib/ui/site-header";
import { pickNamespaces, type Messages } from "@/lib/i18n/catalogue";
import { CLIENT_NAMESPACES } from "@/lib/i18n/config";
import { currentLocale } from "@/lib/i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Backbone", template: "%s · Backbone" },
  description: "Training load and back health for running coaches and their athletes.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await currentLocale();
  const t = await getTranslations("common");
  // Client components get only the namespaces they use, not the whole catalogue.
  const messages = pickNamespaces((await getMessages()) as Messages, CLIENT_NAMESPACES);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale} messages={messages}>
          <a href="#main" className="skip-link">
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <main id="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
