import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/permissions";
import { formatDate, formatDateTime, todayIn } from "@/lib/dates";
import { connectIntervalsKeyAction, disconnectSyncAction } from "@/lib/sync/actions";
import type { SyncOverview } from "@/lib/sync/queries";
import { AutoRefresh } from "./auto-refresh";

const OUTCOMES = [
  "connected",
  "denied",
  "bad_state",
  "scope_missing",
  "refused",
  "unavailable",
  "taken",
  "off",
  "disconnected",
  "disconnected_removed",
  "key_missing",
] as const;

const NAMES = { strava: "Strava", intervals: "Intervals.icu" } as const;

/** The "Connected services" section of the settings page: connect, progress, last sync, errors in words, disconnect. */
export async function ConnectedServices({ viewer, overview, outcome, intlLocale }: { viewer: Viewer; overview: SyncOverview; outcome: string | null; intlLocale: string }) {
  const t = await getTranslations("sync");
  const when = (d: Date) => formatDateTime(d, viewer.timeZone, intlLocale);
  const day = (d: Date) => formatDate(todayIn(viewer.timeZone, d), intlLocale);
  const known = OUTCOMES.find((o) => o === outcome);
  const running = overview.connections.some((c) => c.status === "ACTIVE" && (c.backfill.status === "PENDING" || c.backfill.status === "RUNNING"));
  const connected = new Set(overview.connections.filter((c) => c.status !== "DISCONNECTED").map((c) => c.provider));
  const monthsSelect = (id: string) => (
    <p>
      <label htmlFor={id}>{t("backfillLabel")}</label>{" "}
      <select id={id} name="months" defaultValue="12">
        {[12, 24, 36].map((m) => (
          <option key={m} value={m}>
            {t("months", { count: m })}
          </option>
        ))}
      </select>
    </p>
  );
  return (
    <section className="card" aria-labelledby="connected-services-heading" id="connected-services">
      <h2 id="connected-services-heading" style={{ marginTop: 0 }}>
        {t("heading")}
      </h2>
      {known ? (
        <p role="status" className={known === "connected" || known.startsWith("disconnected") ? "notice notice-ok" : "notice notice-error"}>
          {t(`outcome.${known}`)}
        </p>
      ) : null}
      <p className="muted">{t("intro")}</p>
      {running ? <AutoRefresh everyMs={3000} /> : null}
      {overview.connections.map((c) => (
        <div key={c.provider} className="sync-connection" data-testid={`sync-${c.provider}`}>
          <h3>{NAMES[c.provider]}</h3>
          <p>{t(`status.${c.status}`, { since: when(c.connectedAt) })}</p>
          {c.backfill.status === "PENDING" || c.backfill.status === "RUNNING" ? (
            <p role="status">
              {c.backfill.since
                ? t("backfillCatchUpRunning", { since: day(c.backfill.since), pages: c.backfill.pages, added: c.backfill.added, skipped: c.backfill.skipped })
                : t("backfillRunning", { months: c.backfill.months, pages: c.backfill.pages, added: c.backfill.added, skipped: c.backfill.skipped })}
              {c.backfill.waitMinutes > 0 ? <> {t("backfillSlow", { minutes: c.backfill.waitMinutes })}</> : null}
            </p>
          ) : c.backfill.status === "DONE" ? (
            <p>
              {c.backfill.since
                ? t("backfillCatchUpDone", { since: day(c.backfill.since), added: c.backfill.added, skipped: c.backfill.skipped })
                : t("backfillDone", { months: c.backfill.months, added: c.backfill.added, skipped: c.backfill.skipped })}
            </p>
          ) : c.backfill.status === "CANCELLED" ? (
            <p>{t("backfillCancelled")}</p>
          ) : null}
          <p className="muted">{c.lastSyncAt ? t("lastSync", { when: when(c.lastSyncAt) }) : t("neverSynced")}</p>
          {c.lastError ? <p className="notice notice-warn">{t(`errors.${c.lastError}`)}</p> : null}
          {c.deadLetters > 0 ? <p className="notice notice-warn">{t("deadLetters", { count: c.deadLetters })}</p> : null}
          <form action={disconnectSyncAction}>
            <input type="hidden" name="provider" value={c.provider} />
            <p className="muted">{t("disconnectIntro", { provider: NAMES[c.provider] })}</p>
            <label>
              <input type="checkbox" name="removeSessions" /> {t("removeSessions", { provider: NAMES[c.provider] })}
            </label>
            <p>
              <button type="submit" className="button-secondary">
                {t("disconnect", { provider: NAMES[c.provider] })}
              </button>
            </p>
          </form>
        </div>
      ))}
      {overview.available.strava && !connected.has("strava") ? (
        <form method="get" action="/api/sync/strava/connect">
          <h3>Strava</h3>
          <p>{t("consentStrava")}</p>
          <ul>
            <li>{t("consentRead")}</li>
            <li>{t("consentPrivate")}</li>
            <li>{t("consentNoWrite")}</li>
            <li>{t("consentDisconnect")}</li>
          </ul>
          {monthsSelect("strava-months")}
          <button type="submit">{t("connect", { provider: "Strava" })}</button>
        </form>
      ) : null}
      {overview.available.intervalsKey && !connected.has("intervals") ? (
        <div>
          <h3>Intervals.icu</h3>
          <p>{t("consentIntervals")}</p>
          <ul>
            <li>{t("consentRead")}</li>
            <li>{t("consentNoWrite")}</li>
            <li>{t("consentDisconnect")}</li>
          </ul>
          {overview.available.intervalsOAuth ? (
            <form method="get" action="/api/sync/intervals/connect">
              {monthsSelect("intervals-months")}
              <button type="submit">{t("connect", { provider: "Intervals.icu" })}</button>
            </form>
          ) : null}
          <form action={connectIntervalsKeyAction}>
            <p className="muted">{t("keyIntro")}</p>
            <p>
              <label htmlFor="intervals-athlete">{t("keyAthleteId")}</label>
              <br />
              <input id="intervals-athlete" name="athleteId" autoComplete="off" maxLength={40} required />
            </p>
            <p>
              <label htmlFor="intervals-key">{t("keyApiKey")}</label>
              <br />
              <input id="intervals-key" name="apiKey" type="password" autoComplete="off" maxLength={200} required />
            </p>
            {monthsSelect("intervals-key-months")}
            <button type="submit" className="button-secondary">
              {t("keyConnect")}
            </button>
          </form>
        </div>
      ) : null}
      {!overview.available.strava && !overview.available.intervalsKey ? <p className="muted">{t("notConfigured")}</p> : null}
    </section>
  );
}
