import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentIntlLocale } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/auth/viewer";
import type { Unit } from "@/lib/units";
import { isCoach, isStaffRole } from "@/lib/auth/permissions";
import { formatDate, formatter } from "@/lib/dates";
import { CreateSquadForm } from "./create-squad-form";
import { getSquadTriage, type AthleteStatus } from "@/lib/squads/overview";
import { DEFAULT_DIR, loadRatio, overviewSortSchema, sortOverview, type OverviewSortKey, type SortDir } from "@/lib/squads/overview-sort";
import { flaggedLevelWords, HeatLegend, weekText } from "@/lib/ui/flag-heat-map";
import { SquadRows, type SquadRow } from "@/lib/ui/squad-rows";
import { heatLevelOf, LEVEL_LETTER } from "@/lib/ui/heat-levels";
import { flagBadge } from "@/lib/ui/severity";
import { engineText, type EngineText } from "@/lib/i18n/engine-text";
import { currentLocale } from "@/lib/i18n/server";
import { ZONE_LABELS } from "@/lib/pain/labels";
import { countUnreadOfKind, UNREAD_COUNT_CAP } from "@/lib/notifications/queries";

type T = Awaited<ReturnType<typeof getTranslations<"coachHome">>>;
import { hooperText } from "@/lib/wellness/labels";

/** The status badge's content: the worst open flag, and whether every flag of that level is acknowledged. */
function statusBadge(status: AthleteStatus): SquadRow["status"] {
  if (!status.worst || status.worst === "info") return null;
  const acknowledged = status.open.filter((f) => f.severity === status.worst).every((f) => f.review?.status === "ACKNOWLEDGED");
  const lead = status.open.find((f) => f.severity === status.worst)!;
  const badge = flagBadge(lead);
  return [badge.text, badge.className, acknowledged];
}

function StatusBadge({ status, t }: { status: AthleteStatus; t: T }) {
  const badge = statusBadge(status);
  if (!badge) return <span className="muted">{t("noConcern")}</span>;
  const [text, className, acknowledged] = badge;
  return (
    <>
      <span className={className}>{text}</span>
      {acknowledged ? <span className="muted"> · {t("acknowledged")}</span> : null}
    </>
  );
}

/** The wellness cell: "12/25 · stiffness 3/10", with the day when it is not today. */
function wellnessCell(a: AthleteStatus, today: string, t: T, intl: string): SquadRow["wellness"] {
  if (!a.wellnessCheckIn) return undefined;
  const w = a.wellness;
  if (!w) return null;
  const stiffness = t("stiffness", { value: w.backStiffness });
  return [`${hooperText(w.hooper)} · ${stiffness}${w.date === today ? "" : ` (${formatDate(w.date, intl)})`}`, w.drop];
}

/** The overview table's rows in words, each week as a letter, and every week tooltip once. */
function squadTable(statuses: AthleteStatus[], t: T, intl: string, words: EngineText): { rows: SquadRow[]; tooltips: string[] } {
  const percent = new Intl.NumberFormat(intl, { style: "percent", maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(intl, { maximumFractionDigits: 0 });
  const tooltips: string[] = [];
  const tooltipIndex = new Map<string, number>();
  const rows = statuses.map((a): SquadRow => {
    const ratio = loadRatio(a);
    let levels = "";
    const own: number[] = [];
    for (const week of a.weeks) {
      const level = heatLevelOf(week);
      levels += LEVEL_LETTER[level];
      if (level === "none" || level === "info") continue;
      const text = weekText(week, words);
      let i = tooltipIndex.get(text);
      if (i === undefined) tooltipIndex.set(text, (i = tooltips.push(text) - 1));
      own.push(i);
    }
    return {
      id: a.id,
      name: a.name,
      status: statusBadge(a),
      lastReport: a.lastReport
        ? `${formatDate(a.lastReport.date, intl)}, ${ZONE_LABELS[a.lastReport.zone as keyof typeof ZONE_LABELS] ?? a.lastReport.zone} ${a.lastReport.nrs}/10`
        : a.lastReportDate
          ? formatDate(a.lastReportDate, intl)
          : null,
      load: [
        t("loadCell", { week: number.format(a.weekLoadAu), average: number.format(a.chronicWeekLoadAu) }),
        ratio !== null ? ` (${percent.format(ratio)})` : null,
      ],
      lastSession: a.lastSessionDate ? formatDate(a.lastSessionDate, intl) : null,
      wellness: wellnessCell(a, a.weeks.at(-1)?.evaluatedOn ?? "", t, intl),
      levels,
      tooltips: own,
    };
  });
  return { rows, tooltips };
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("coachHome");
  return { title: t("metaTitle") };
}

export default async function CoachHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const { sort, dir: askedDir } = overviewSortSchema.parse(params);
  const showAllAttention = params.attention === "all";
  const dir = askedDir ?? DEFAULT_DIR[sort];
  // The squads come with the viewer; everything else per squad from its (largely kept) triage.
  const squads = viewer.memberships.filter((m) => isStaffRole(m.role)).map((m) => ({ id: m.squadId, name: m.squadName, coach: m.role === "COACH" }));
  const [triageRows, unreadReplies] = await Promise.all([
    Promise.all(squads.map(async (s) => [s.id, await getSquadTriage(viewer, s.id)] as const)),
    countUnreadOfKind(viewer, "REPLY"),
  ]);
  const triage = new Map(triageRows);
  const [t, intl] = await Promise.all([getTranslations("coachHome"), currentIntlLocale()]);
  const rowLabels = { acknowledged: t("acknowledged"), noConcern: t("noConcern"), none: t("none"), noneYet: t("noneYet"), worse: t("worseThanUsual") };
  const sortLabel = (key: OverviewSortKey) => t(`sortBy.${key}`);
  const words = engineText(await currentLocale(), viewer.unitPreference);
  return (
    <>
      <h1>{t("heading")}</h1>
      {unreadReplies > 0 ? (
        <p className="card">
          {t.rich("unreadReplies", {
            count: Math.min(unreadReplies, UNREAD_COUNT_CAP + 1),
            cap: UNREAD_COUNT_CAP,
            more: unreadReplies > UNREAD_COUNT_CAP ? "more" : "exact",
            link: (chunks) => <Link href="/inbox">{chunks}</Link>,
          })}
        </p>
      ) : null}
      {squads.length === 0 ? <p className="muted">{t("noSquads")}</p> : null}
      {squads.map((squad) => {
        const statuses = triage.get(squad.id) ?? [];
        const rows = sortOverview(statuses, sort, dir);
        const weeks = statuses[0]?.weeks ?? [];
        return (
          <section key={squad.id} className="card" aria-labelledby={`squad-${squad.id}`}>
            <div className="row" style={{ justifyContent: "space-between" }}>
              <h2 id={`squad-${squad.id}`} style={{ margin: 0 }}>
                {squad.name}
              </h2>
              {squad.coach ? (
                <Link href={`/coach/squads/${squad.id}`}>{t("manageSquad")}</Link>
              ) : (
                <span className="badge">{t("clinicianBadge")}</span>
              )}
            </div>
            <NeedsAttention squadId={squad.id} statuses={statuses} showAll={showAllAttention} unit={viewer.unitPreference} t={t} />
            {statuses.length === 0 ? (
              <p className="muted">
                {t("noAthletes")}{" "}
                {squad.coach ? <Link href={`/coach/squads/${squad.id}`}>{t("inviteFirst")}</Link> : t("noAthletesClinician")}
              </p>
            ) : (
              <>
                <h3>{t("everyAthlete")}</h3>
                <HeatLegend words={words} />
                <p className="muted scroll-hint">{t("scrollHint")}</p>
                <div className="table-wrap overview-wrap" tabIndex={0} role="region" aria-label={t("tableRegion", { squad: squad.name })}>
                  <table className="overview-table">
                    <caption className="visually-hidden">
                      {t("caption", { squad: squad.name, sort: sortLabel(sort), dir })}
                    </caption>
                    <thead>
                      <tr>
                        <SortHeader label={t("colAthlete")} column="name" sort={sort} dir={dir} rowSpan={2} t={t} />
                        <SortHeader label={t("colStatus")} column="status" sort={sort} dir={dir} rowSpan={2} t={t} />
                        <SortHeader label={t("colLastReport")} column="report" sort={sort} dir={dir} rowSpan={2} t={t} />
                        <SortHeader label={t("colLoad")} column="load" sort={sort} dir={dir} rowSpan={2} t={t} />
                        <th scope="col" rowSpan={2}>
                          {t("colLastSession")}
                        </th>
                        {statuses[0]?.wellnessCheckIn ? (
                          <th scope="col" rowSpan={2}>
                            {t("colWellness")}
                          </th>
                        ) : null}
                        <SortHeader label={t("colWeeks")} column="weeks" sort={sort} dir={dir} colSpan={weeks.length || 1} t={t} />
                      </tr>
                      <tr>
                        {weeks.map((w) => (
                          <th key={w.weekStart} scope="col" className="heat-week">
                            <span className="visually-hidden">{t("weekOf")} </span>
                            {shortDate(w.weekStart, intl)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <SquadRows squadId={squad.id} levelWords={flaggedLevelWords(words)} labels={rowLabels} {...squadTable(rows, t, intl, words)} />
                  </table>
                </div>
              </>
            )}
          </section>
        );
      })}
      {isCoach(viewer) ? (
        <section className="card" aria-labelledby="new-squad">
          <h2 id="new-squad" style={{ marginTop: 0 }}>
            {squads.length === 0 ? t("newSquadFirst") : t("newSquad")}
          </h2>
          <CreateSquadForm />
        </section>
      ) : null}
    </>
  );
}

/** "3 Nov": a week column's header, short enough for a 1.4 rem column when turned. */
const shortDate = (date: string, intl: string) => formatter(intl, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

/** A column header that sorts the table by a link (works without JavaScript; the order is in the URL). */
function SortHeader({
  label,
  column,
  sort,
  dir,
  colSpan,
  rowSpan,
  t,
}: {
  t: T;
  label: string;
  column: OverviewSortKey;
  sort: OverviewSortKey;
  dir: SortDir;
  colSpan?: number;
  rowSpan?: number;
}) {
  const active = sort === column;
  const next: SortDir = active ? (dir === "asc" ? "desc" : "asc") : DEFAULT_DIR[column];
  return (
    <th scope={colSpan ? "colgroup" : "col"} colSpan={colSpan} rowSpan={rowSpan} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <a className="sort-link" href={`/coach?sort=${column}&dir=${next}`}>
        {label}
        <span aria-hidden="true">{active ? (dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
        <span className="visually-hidden">{`, ${t("sortNext", { dir: next })}`}</span>
      </a>
    </th>
  );
}

// The triage list is read top-down in a minute: the first dozen, worst first, and every referral.
const ATTENTION_SHOWN = 12;

/** Athletes with an open referral, warning or caution, worst first, each with the flag that leads. */
async function NeedsAttention({ squadId, statuses, showAll, unit, t }: { squadId: string; statuses: AthleteStatus[]; showAll: boolean; unit: Unit; t: T }) {
  const words = engineText(await currentLocale(), unit);
  const flagged = statuses.filter((s) => s.worst && s.worst !== "info");
  if (flagged.length === 0) return statuses.length > 0 ? <p className="muted">{t("nobodyNeedsAttention")}</p> : null;
  const referrals = flagged.filter((s) => s.worst === "referral").length;
  const shown = showAll ? flagged : flagged.slice(0, Math.max(ATTENTION_SHOWN, referrals));
  return (
    <div>
      <h3>{t("needsAttention", { count: flagged.length })}</h3>
      <ol className="triage-list">
        {shown.map((s) => {
          const serious = s.open.filter((f) => f.severity !== "info");
          const lead = serious[0];
          return (
            <li key={s.id} className={`card flag flag-${s.worst}`}>
              <p style={{ margin: 0 }}>
                <StatusBadge status={s} t={t} />{" "}
                <Link href={`/coach/squads/${squadId}/athletes/${s.id}`}>
                  <strong>{s.name}</strong>
                </Link>{" "}
                <span className="muted">
                  {serious.map((f) => words.flagName(f.id)).join(", ")}
                </span>
              </p>
              {lead ? <p style={{ margin: "0.25rem 0 0" }}>{words.flagExplanation(lead)}</p> : null}
              {lead?.review ? (
                <p className="muted review-note">
                  {lead.review.note ? t("acknowledgedByWithNote", { name: lead.review.by, note: lead.review.note }) : t("acknowledgedBy", { name: lead.review.by })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {shown.length < flagged.length ? (
        <p>
          <a href={`/coach?attention=all#squad-${squadId}`}>{t("showAllAttention", { count: flagged.length })}</a>{" "}
          <span className="muted">{t("showAllAttentionHint")}</span>
        </p>
      ) : null}
    </div>
  );
}
