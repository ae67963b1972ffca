import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/permissions";
import { formatDate, formatDateTime, todayIn } from "@/lib/dates";
import { connectIntervalsKeyAction, disconnectSyncAction } from "@/lib/sync/actions";
import { isProviderId, PROVIDER_NAMES } from "@/lib/sync/provider-ids";
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
  "key_refused",
] as const;

/** Outcomes answered beside the API key form rather than at the top of the section. */
const KEY_OUTCOMES = new Set<string>(["key_missing", "key_refused"]);

/** The "Connected services" section of the settings page: connect, progress, last sync, errors in words, disconnect. */
/** What the last action's redirect carries besides its outcome; read from the URL, so checked here. */
type OutcomeDetails = { provider: string | null; removed: string | null; athlete: string | null };

export async function ConnectedServices({
  viewer,
  overview,
  outcome,
  details,
  intlLocale,
}: {
  viewer: Viewer;
  overview: SyncOverview;
  outcome: string | null;
  details: OutcomeDetails;
  intlLocale: string;
}) {
  const t = await getTranslations("sync");
  const when = (d: Date) => formatDateTime(d, viewer.timeZone, intlLocale);
  const day = (d: Date) => formatDate(todayIn(viewer.timeZone, d), intlLocale);
  const running = overview.connections.some((c) => c.status === "ACTIVE" && (c.backfill.status === "PENDING" || c.backfill.status === "RUNNING"));
  // "Connected, your history is coming in" only while it is: a reload after the import ended shows the status alone.
  const known = OUTCOMES.find((o) => o === outcome && !(o === "connected" && !running));
  const provider = details.provider && isProviderId(details.provider) ? PROVIDER_NAMES[details.provider] : null;
  const removed = /^\d{1,7}$/.test(details.removed ?? "") ? Number(details.removed) : 0;
  const outcomeText = (o: (typeof OUTCOMES)[number]) =>
    o === "disconnected" && provider
      ? t("outcome.disconnectedFrom", { provider })
      : o === "disconnected_removed" && provider
        ? t("outcome.disconnectedRemovedFrom", { provider, count: removed })
        : t(`outcome.${o}`);
  const keyNotice = known && KEY_OUTCOMES.has(known) ? t(`outcome.${known}`) : null;
  const athleteIdAsked = /^i?\d{1,20}$/.test(details.athlete ?? "") ? details.athlete! : undefined;
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
      {known && !KEY_OUTCOMES.has(known) ? (
        <p role="status" className={known === "connected" || known.startsWith("disconnected") ? "notice notice-ok" : "notice notice-error"}>
          {outcomeText(known)}
        </p>
      ) : null}
      <p className="muted">{t("intro")}</p>
      {running ? <AutoRefresh everyMs={3000} /> : null}
      {overview.connections.map((c) => (
        <div key={c.provider} className="sync-connection" data-testid={`sync-${c.provider}`}>
          <h3>{PROVIDER_NAMES[c.provider]}</h3>
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
            <p className="muted">{t("disconnectIntro", { provider: PROVIDER_NAMES[c.provider] })}</p>
            <label>
              <input type="checkbox" name="removeSessions" disabled={c.sessions === 0} />{" "}
              {t("removeSessionsCount", { provider: PROVIDER_NAMES[c.provider], count: c.sessions })}
            </label>
            <p>
              <button type="submit" className="button-secondary">
                {t("disconnect", { provider: PROVIDER_NAMES[c.provider] })}
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
          <form action={connectIntervalsKeyAction} id="intervals-key-form">
            <p className="muted">{t("keyIntro")}</p>
            {keyNotice ? (
              <p role="alert" className="notice notice-error">
                {keyNotice}
              </p>
            ) : null}
            <p>
              <label htmlFor="intervals-athlete">{t("keyAthleteId")}</label>
              <br />
              <input id="intervals-athlete" name="athleteId" autoComplete="off" maxLength={40} required defaultValue={athleteIdAsked} />
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
