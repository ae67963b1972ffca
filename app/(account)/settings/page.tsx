import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { logoutEverywhereAction } from "@/lib/accounts/actions";
import { getOwnSessions } from "@/lib/accounts/queries";
import { headers } from "next/headers";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_NAMES } from "@/lib/i18n/config";
import { currentIntlLocale } from "@/lib/i18n/server";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { getSyncOverview } from "@/lib/sync/queries";
import { ChangePasswordForm, DeleteAccountForm, PreferencesForm } from "./settings-forms";
import { ConnectedServices } from "./connected-services";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

type SettingsT = Awaited<ReturnType<typeof getTranslations<"settings">>>;

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
}

// First match wins: Edge and Chrome on Android also name Chrome and Linux in their User-Agent.
const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/Firefox\//, "Firefox"],
  [/Chrome\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Mac OS X/, "macOS"],
  [/Windows/, "Windows"],
  [/Linux/, "Linux"],
];

/** "Chrome on Android": enough to recognise a device, from the User-Agent it sent at login. */
function deviceName(userAgent: string | null, t: SettingsT): string {
  if (!userAgent) return t("unknownBrowser");
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1] ?? t("aBrowser");
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  return system ? t("browserOn", { browser, system }) : browser;
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === "string" ? (params[name] as string) : null);
  // Only athletes bring activities in; coaches without an athlete profile have nothing to connect.
  const syncOverview = viewer.hasAthleteProfile ? await getSyncOverview(viewer) : null;
  const sessions = await getOwnSessions(viewer);
  const browserLanguage = LOCALE_NAMES[negotiateLocale((await headers()).get("accept-language"))];
  const [t, intlLocale] = await Promise.all([getTranslations("settings"), currentIntlLocale()]);
  return (
    <div className="narrow">
      <h1>{t("heading")}</h1>
      <p className="muted">{t("loggedInAs", { email: viewer.email })}</p>
      <section className="card" aria-labelledby="prefs">
        <h2 id="prefs" style={{ marginTop: 0 }}>
          {t("preferencesHeading")}
        </h2>
        <PreferencesForm
          unitPreference={viewer.unitPreference}
          timeZone={viewer.timeZone}
          timeZones={timeZones()}
          locale={viewer.locale ?? ""}
          browserLanguage={browserLanguage}
        />
      </section>
      {syncOverview ? (
        <ConnectedServices
          viewer={viewer}
          overview={syncOverview}
          outcome={one("sync")}
          details={{ provider: one("provider"), removed: one("removed"), athlete: one("athlete") }}
          intlLocale={intlLocale}
        />
      ) : null}
      <section className="card" aria-labelledby="password">
        <h2 id="password" style={{ marginTop: 0 }}>
          {t("passwordHeading")}
        </h2>
        <p className="muted">{t("passwordIntro")}</p>
        <ChangePasswordForm />
      </section>
      <section className="card" aria-labelledby="sessions">
        <h2 id="sessions" style={{ marginTop: 0 }}>
          {t("sessionsHeading")}
        </h2>
        <ul className="template-list" aria-label={t("sessionsLabel")}>
          {sessions.map((s) => {
            const device = deviceName(s.userAgent, t);
            const since = formatDateTime(s.createdAt, viewer.timeZone, intlLocale);
            return (
              <li key={s.id}>
                {s.ip ? t("sessionFrom", { device, ip: s.ip, since }) : t("session", { device, since })}
                {s.current ? <strong> {t("thisBrowser")}</strong> : null}
              </li>
            );
          })}
        </ul>
        <p className="muted">{t("logoutEverywhereIntro")}</p>
        <form action={logoutEverywhereAction}>
          <button type="submit" className="button-secondary">
            {t("logoutEverywhere")}
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="your-data">
        <h2 id="your-data" style={{ marginTop: 0 }}>
          {t("dataHeading")}
        </h2>
        <p>
          {t.rich("download", {
            link: (chunks) => (
              <a href="/api/account/export" download>
                {chunks}
              </a>
            ),
          })}
        </p>
        <h3>{t("deleteHeading")}</h3>
        <p>{t("deleteIntro")}</p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
