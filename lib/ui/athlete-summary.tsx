import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AthleteSummary, WindowSummary } from "@/lib/athletes/queries";
import type { WeekComparison } from "@/lib/plans/planned-vs-done";
import type { GlanceStatus } from "@/lib/athletes/glance";
import { formatDate } from "@/lib/dates";
import { KM_PER_MILE, type Unit } from "@/lib/units";

/** Numbers and distances in the reader's language ("12.0 km", "12,0 km"). */
export function numberWords(intl: string, unit: Unit) {
  const fmt = (x: number, digits: number) => new Intl.NumberFormat(intl, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
  return {
    int: (x: number) => fmt(Math.round(x), 0),
    distance: (km: number) => (unit === "MI" ? `${fmt(km / KM_PER_MILE, 1)} mi` : `${fmt(km, 1)} km`),
    duration: (minutes: number) => {
      const total = Math.round(minutes);
      const h = Math.floor(total / 60);
      const m = total % 60;
      return h > 0 ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min`;
    },
  };
}

const ZONES = ["CERVICAL", "DORSAL", "LUMBAR"] as const;
const SESSION_TYPES = ["RUN", "CROSS_TRAINING", "CORE", "STRENGTH", "MOBILITY", "OTHER"] as const;

async function WindowCard({ title, w, unit, intl }: { title: string; w: WindowSummary; unit: Unit; intl: string }) {
  const t = await getTranslations("athletePage");
  const words = numberWords(intl, unit);
  return (
    <div className="card">
      <h3 style={{ marginTop: 0 }}>{title}</h3>
      <dl className="facts">
        <dt>{t("window.sessions")}</dt>
        <dd>{w.sessions}</dd>
        <dt>{t("window.running")}</dt>
        <dd>{words.distance(w.runKm)}</dd>
        <dt>{t("window.time")}</dt>
        <dd>{words.duration(w.durationMin)}</dd>
        <dt>{t("window.load")}</dt>
        <dd>{t("units.au", { value: words.int(w.loadAu) })}</dd>
      </dl>
    </div>
  );
}

/** The last 7 and 28 days side by side. */
export async function WindowCards({ summary, unit, intl }: { summary: AthleteSummary; unit: Unit; intl: string }) {
  const t = await getTranslations("athletePage");
  return (
    <div className="grid">
      <WindowCard title={t("window.last7")} w={summary.last7} unit={unit} intl={intl} />
      <WindowCard title={t("window.last28")} w={summary.last28} unit={unit} intl={intl} />
    </div>
  );
}

/** The last ten sessions of the 28 days. */
export async function RecentSessions({ summary, unit, intl, headingLevel = 2 }: { summary: AthleteSummary; unit: Unit; intl: string; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("athletePage");
  const words = numberWords(intl, unit);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const typeLabel = (type: string) => ((SESSION_TYPES as readonly string[]).includes(type) ? t(`sessionTypes.${type as (typeof SESSION_TYPES)[number]}`) : t("sessionTypes.OTHER"));
  return (
    <>
      <Heading>{t("sessions.recent")}</Heading>
      {summary.recentSessions.length === 0 ? (
        <p className="muted">{t("sessions.noneIn28")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("sessions.date")}</th>
                <th scope="col">{t("sessions.type")}</th>
                <th scope="col">{t("sessions.duration")}</th>
                <th scope="col">{t("sessions.distance")}</th>
                <th scope="col">{t("sessions.rpe")}</th>
              </tr>
            </thead>
            <tbody>
              {summary.recentSessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    {formatDate(s.shownDate, intl)}
                    {s.startTime ? <span className="muted"> {s.startTime}</span> : null}
                    {s.countedNote ? <div className="muted">{t("sessions.countedOn", { date: formatDate(s.date, intl) })}</div> : null}
                  </td>
                  <td>{typeLabel(s.type)}</td>
                  <td>{words.duration(s.durationMin)}</td>
                  <td>{s.distanceKm != null ? words.distance(s.distanceKm) : "–"}</td>
                  <td>{s.rpe ?? <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The last back-pain report in one line: date, zone, pain, and a badge for a warning sign. */
export async function LastPainText({ report, intl }: { report: AthleteSummary["lastPainReport"]; intl: string }) {
  const t = await getTranslations("athletePage");
  if (!report) return <span className="muted">{t("glance.noPainReports")}</span>;
  const zone = (ZONES as readonly string[]).includes(report.zone) ? t(`zones.${report.zone as (typeof ZONES)[number]}`) : t("zones.other");
  return (
    <>
      {t("glance.painLine", { date: formatDate(report.date, intl), zone, nrs: report.nrs })}
      {report.redFlag ? (
        <>
          {" "}
          {report.redFlag === "emergency" ? (
            <span className="badge badge-emergency">{t("severity.emergency")}</span>
          ) : (
            <span className="badge badge-danger">{t("severity.referral")}</span>
          )}
        </>
      ) : null}
    </>
  );
}

/** The last 7 and 28 days and the recent sessions (the athlete's home and the sessions tab). */
export async function AthleteSummaryView({ summary, unit, intl }: { summary: AthleteSummary; unit: Unit; intl: string }) {
  return (
    <>
      <WindowCards summary={summary} unit={unit} intl={intl} />
      <RecentSessions summary={summary} unit={unit} intl={intl} />
    </>
  );
}

export type GlanceData = {
  status: GlanceStatus;
  /** This Monday-to-Sunday week, planned against done; null when the viewer does not see the plan. */
  week: WeekComparison | null;
  last7: WindowSummary;
  lastPain: AthleteSummary["lastPainReport"];
  /** The latest weekly check-in of the last 14 days: its worst zone. */
  lastCheckIn: { date: string; severity: number; zone: string } | null;
  /** The latest daily wellness check-in of the last four weeks; undefined when no squad asks for it. */
  lastWellness?: { date: string; hooper: number; backStiffness: number | null } | null;
};

/**
 * What a coach decides from, on one screen: the athlete's status (referral, plan hold, clearance), the
 * active flags as compact rows (passed in), this week against the plan, and the latest pain report,
 * weekly check-in and wellness entry. Each part links to the tab that holds the rest.
 */
export async function AthleteGlance({
  data,
  flags,
  unit,
  intl,
  hrefs,
}: {
  data: GlanceData;
  flags: ReactNode;
  unit: Unit;
  intl: string;
  hrefs: { safety: string; plan: string | null; back: string; load: string };
}) {
  const t = await getTranslations("athletePage");
  const words = numberWords(intl, unit);
  const s = data.status;
  const statusClass =
    s.kind === "emergency" ? "glance-status status-emergency" : s.kind === "referral" ? "glance-status status-referral" : s.kind === "cleared-held" || s.kind === "flags" ? "glance-status status-watch" : "glance-status status-clear";
  const week = data.week;
  return (
    <section aria-labelledby="glance-heading" className="card glance" id="summary">
      <h2 id="glance-heading" className="visually-hidden">
        {t("glance.heading")}
      </h2>
      <div className="glance-grid">
        <div className="glance-main">
          <p className={statusClass}>
            {s.kind === "emergency" || s.kind === "referral" ? (
              <>
                <strong>{t(s.kind === "emergency" ? "status.emergency" : "status.referral", { date: formatDate(s.since, intl) })}</strong>{" "}
                {s.holdFrom ? t("status.hold", { date: formatDate(s.holdFrom, intl), count: s.heldSessions }) : null}{" "}
                <Link href={hrefs.safety}>{t("status.clearanceLink")}</Link>
              </>
            ) : s.kind === "cleared-held" ? (
              <>
                <strong>{s.clearedOn ? t("status.clearedOn", { date: formatDate(s.clearedOn, intl) }) : t("status.cleared")}</strong>{" "}
                {t("status.stillHeld", { count: s.heldSessions })} <Link href={hrefs.safety}>{t("status.releaseLink")}</Link>
              </>
            ) : s.kind === "flags" ? (
              <strong>{t("status.flags", { count: s.count })}</strong>
            ) : (
              <strong>{t("status.clear")}</strong>
            )}
          </p>
          <h3 className="glance-subhead">{t("glance.flagsHeading")}</h3>
          {flags}
        </div>
        <dl className="glance-facts">
          <div>
            <dt>{week ? t("glance.thisWeek") : t("glance.last7")}</dt>
            <dd>
              {week ? (
                week.plannedCount > 0 ? (
                  <>
                    <span className="glance-number">{t("glance.sessionsDone", { done: week.completedCount, planned: week.plannedCount })}</span>
                    <br />
                    {week.planned.distanceKm > 0 ? (
                      <>
                        {t("glance.kmDone", { done: words.distance(week.done?.distanceKm ?? 0), planned: words.distance(week.planned.distanceKm) })}
                        <br />
                      </>
                    ) : null}
                    {t("glance.loadDone", { done: words.int(week.done?.loadAu ?? 0), planned: words.int(week.planned.loadAu) })}
                    {week.missedCount ? (
                      <>
                        {" "}
                        <span className="badge">{t("glance.missed", { count: week.missedCount })}</span>
                      </>
                    ) : null}
                  </>
                ) : (
                  <>
                    <span className="muted">{t("glance.nothingPlanned")}</span>
                    <br />
                    {t("glance.doneOnly", { distance: words.distance(week.done?.distanceKm ?? 0), load: words.int(week.done?.loadAu ?? 0) })}
                  </>
                )
              ) : (
                t("glance.doneWindow", { sessions: data.last7.sessions, distance: words.distance(data.last7.runKm), load: words.int(data.last7.loadAu) })
              )}
              {hrefs.plan ? (
                <>
                  {" "}
                  <Link href={hrefs.plan}>{t("glance.planLink")}</Link>
                </>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t("glance.lastPain")}</dt>
            <dd>
              <LastPainText report={data.lastPain} intl={intl} />
            </dd>
          </div>
          <div>
            <dt>{t("glance.lastCheckIn")}</dt>
            <dd>
              {data.lastCheckIn ? (
                t("glance.checkInLine", {
                  date: formatDate(data.lastCheckIn.date, intl),
                  severity: data.lastCheckIn.severity,
                  zone: (ZONES as readonly string[]).includes(data.lastCheckIn.zone) ? t(`zonesShort.${data.lastCheckIn.zone as (typeof ZONES)[number]}`) : t("zonesShort.other"),
                })
              ) : (
                <span className="muted">{t("glance.noCheckIn")}</span>
              )}
            </dd>
          </div>
          {data.lastWellness !== undefined ? (
            <div>
              <dt>{t("glance.wellness")}</dt>
              <dd>
                {data.lastWellness ? (
                  data.lastWellness.backStiffness != null ? (
                    t("glance.wellnessLine", { date: formatDate(data.lastWellness.date, intl), hooper: data.lastWellness.hooper, stiffness: data.lastWellness.backStiffness })
                  ) : (
                    t("glance.wellnessLineNoStiffness", { date: formatDate(data.lastWellness.date, intl), hooper: data.lastWellness.hooper })
                  )
                ) : (
                  <span className="muted">{t("glance.noWellness")}</span>
                )}
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
      <p className="glance-more">
        <Link href={hrefs.load}>{t("glance.loadLink")}</Link>
        {" · "}
        <Link href={hrefs.back}>{t("glance.backLink")}</Link>
      </p>
    </section>
  );
}
