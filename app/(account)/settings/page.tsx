import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { ChangePasswordForm, DeleteAccountForm, PreferencesForm } from "./settings-forms";

export const metadata: Metadata = { title: "Settings" };

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
}

export default async function SettingsPage() {
  const viewer = await requireViewer();
  return (
    <div className="narrow">
      <h1>Account settings</h1>
      <p className="muted">Logged in as {viewer.email}</p>
      <section className="card" aria-labelledby="prefs">
        <h2 id="prefs" style={{ marginTop: 0 }}>
          Units and time zone
        </h2>
        <PreferencesForm unitPreference={viewer.unitPreference} timeZone={viewer.timeZone} timeZones={timeZones()} />
      </section>
      <section className="card" aria-labelledby="password">
        <h2 id="password" style={{ marginTop: 0 }}>
          Change password
        </h2>
        <p className="muted">Changing it logs you out everywhere.</p>
        <ChangePasswordForm />
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
