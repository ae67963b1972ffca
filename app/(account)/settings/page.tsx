import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { logoutEverywhereAction } from "@/lib/accounts/actions";
import { getOwnSessions } from "@/lib/accounts/queries";
import { headers } from "next/headers";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_NAMES } from "@/lib/i18n/config";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { ChangePasswordForm, DeleteAccountForm, PreferencesForm } from "./settings-forms";

export const metadata: Metadata = { title: "Settings" };

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
function deviceName(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1] ?? "A browser";
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  return system ? `${browser} on ${system}` : browser;
}

export default async function SettingsPage() {
  const viewer = await requireViewer();
  const sessions = await getOwnSessions(viewer);
  const browserLanguage = LOCALE_NAMES[negotiateLocale((await headers()).get("accept-language"))];
  return (
    <div className="narrow">
      <h1>Account settings</h1>
      <p className="muted">Logged in as {viewer.email}</p>
      <section className="card" aria-labelledby="prefs">
        <h2 id="prefs" style={{ marginTop: 0 }}>
          Language, units and time zone
        </h2>
        <PreferencesForm
          unitPreference={viewer.unitPreference}
          timeZone={viewer.timeZone}
          timeZones={timeZones()}
          locale={viewer.locale ?? ""}
          browserLanguage={browserLanguage}
        />
      </section>
      <section className="card" aria-labelledby="password">
        <h2 id="password" style={{ marginTop: 0 }}>
          Change password
        </h2>
        <p className="muted">Changing it logs you out everywhere and turns off your calendar feed address.</p>
        <ChangePasswordForm />
      </section>
      <section className="card" aria-labelledby="sessions">
        <h2 id="sessions" style={{ marginTop: 0 }}>
          Where you are logged in
        </h2>
        <ul className="template-list" aria-label="Open sessions">
          {sessions.map((s) => (
            <li key={s.id}>
              {deviceName(s.userAgent)}
              {s.ip ? `, from ${s.ip}` : ""}, since {formatDateTime(s.createdAt, viewer.timeZone)}
              {s.current ? <strong> (this browser)</strong> : null}
            </li>
          ))}
        </ul>
        <p className="muted">
          Lost a phone or used a shared computer? This ends every session, this one included, and turns off your
          calendar feed address (you can make a new one on your calendar page).
        </p>
        <form action={logoutEverywhereAction}>
          <button type="submit" className="button-secondary">
            Log out everywhere
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="your-data">
        <h2 id="your-data" style={{ marginTop: 0 }}>
          Your data
        </h2>
        <p>
          <a href="/api/account/export" download>
            Download all your data
          </a>{" "}
          (a zip with a complete JSON file and spreadsheets of your sessions, pain reports, check-ins, shoes and plan).
        </p>
        <h3>Delete your account</h3>
        <p>
          This removes your account, sessions, pain reports, check-ins, profile and plan for good. Your coaches lose
          access at once. A record that the account was deleted stays in the audit log.
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
