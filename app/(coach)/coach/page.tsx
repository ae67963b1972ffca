import Link from "next/link";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import type { Unit } from "@/lib/units";
import { isCoach, isStaffRole } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/dates";
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
import { hooperText } from "@/lib/wellness/labels";

/** The status badge's content: the worst open flag, and whether every flag of that level is acknowledged. */
function statusBadge(status: AthleteStatus): SquadRow["status"] {
  if (!status.worst || status.worst === "info") return null;
  const acknowledged = status.open.filter((f) => f.severity === status.worst).every((f) => f.review?.status === "ACKNOWLEDGED");
  const lead = status.open.find((f) => f.severity === status.worst)!;
  const badge = flagBadge(lead);
  return [badge.text, badge.className, acknowledged];
}

function StatusBadge({ status }: { status: AthleteStatus }) {
  const badge = statusBadge(status);
  if (!badge) return <span className="muted">No concern</span>;
  const [text, className, acknowledged] = badge;
  return (
    <>
      <span className={className}>{text}</span>
      {acknowledged ? <span className="muted"> · acknowledged</span> : null}
    </>
  );
}

/** The wellness cell: "12/25 · stiffness 3/10", with the day when it is not today. */
function wellnessCell(a: AthleteStatus, today: string): SquadRow["wellness"] {
  if (!a.wellnessCheckIn) return undefined;
  const w = a.wellness;
  if (!w) return null;
  return [`${hooperText(w.hooper)} · stiffness ${w.backStiffness}/10${w.date === today ? "" : ` (${formatDate(w.date)})`}`, w.drop];
}

/** The overview table's rows in words, each week as a letter, and every week tooltip once. */
function squadTable(statuses: AthleteStatus[], words: EngineText): { rows: SquadRow[]; tooltips: string[] } {
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
        ? `${formatDate(a.lastReport.date)}, ${ZONE_LABELS[a.lastReport.zone as keyof typeof ZONE_LABELS] ?? a.lastReport.zone} ${a.lastReport.nrs}/10`
        : a.lastReportDate
          ? formatDate(a.lastReportDate)
          : null,
      load: [`${a.weekLoadAu} / ${a.chronicWeekLoadAu} AU`, ratio !== null ? ` (${Math.round(ratio * 100)}%)` : null],
      lastSession: a.lastSessionDate ? formatDate(a.lastSessionDate) : null,
      wellness: wellnessCell(a, a.weeks.at(-1)?.evaluatedOn ?? ""),
      levels,
      tooltips: own,
    };
  });
  return { rows, tooltips };
}

export const metadata: Metadata = { title: "Squads" };

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
  const words = engineText(await currentLocale(), viewer.unitPreference);
  return (
    <>
      <h1>Your squads</h1>
      {unreadReplies > 0 ? (
        <p className="card">
          <Link href="/inbox">{unreadRepliesText(unreadReplies)}</Link> from your athletes: open one in the inbox to read its thread.
        </p>
      ) : null}
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
              {squad.coach ? <Link href={`/coach/squads/${squad.id}`}>Manage squad and invitations</Link> : <span className="badge">Clinician</span>}
            </div>
            <NeedsAttention squadId={squad.id} statuses={statuses} showAll={showAllAttention} unit={viewer.unitPreference} />
            {statuses.length === 0 ? (
              <p className="muted">
                No athletes yet.{" "}
                {squad.coach ? (
                  <>
                    <Link href={`/coach/squads/${squad.id}`}>Invite your first athlete</Link>.
                  </>
                ) : null}
              </p>
            ) : (
              <>
                <h3>Every athlete</h3>
                <HeatLegend words={words} />
                <div className="table-wrap">
                  <table className="overview-table">
                    <caption className="visually-hidden">
                      Athletes of {squad.name}: status, last back-pain report, this week&apos;s load and the worst flag of each of the last
                      12 weeks (an empty week cell: nothing flagged). Sorted by {SORT_LABELS[sort]}, {dir === "asc" ? "ascending" : "descending"}.
                    </caption>
                    <thead>
                      <tr>
                        <SortHeader label="Athlete" column="name" sort={sort} dir={dir} rowSpan={2} />
                        <SortHeader label="Status" column="status" sort={sort} dir={dir} rowSpan={2} />
                        <SortHeader label="Last back-pain report" column="report" sort={sort} dir={dir} rowSpan={2} />
                        <SortHeader label="Load this week / weekly average (4 weeks)" column="load" sort={sort} dir={dir} rowSpan={2} />
                        <th scope="col" rowSpan={2}>
                          Last session
                        </th>
                        {statuses[0]?.wellnessCheckIn ? (
                          <th scope="col" rowSpan={2}>
                            Wellness (latest, 3 days)
                          </th>
                        ) : null}
                        <SortHeader label="Last 12 weeks" column="weeks" sort={sort} dir={dir} colSpan={weeks.length || 1} />
                      </tr>
                      <tr>
                        {weeks.map((w) => (
                          <th key={w.weekStart} scope="col" className="heat-week">
                            <span className="visually-hidden">Week of </span>
                            {shortDate(w.weekStart)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <SquadRows squadId={squad.id} levelWords={flaggedLevelWords(words)} {...squadTable(rows, words)} />
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
            Start another squad
          </h2>
          <CreateSquadForm />
        </section>
      ) : null}
    </>
  );
}

const unreadRepliesText = (n: number) => (n === 1 ? "1 unread reply" : n > UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP}+ unread replies` : `${n} unread replies`);

/** "3 Nov": a week column's header, short enough for a 1.4 rem column when turned. */
const shortDate = (date: string) => formatDate(date).replace(/ \d{4}$/, "");

const SORT_LABELS: Record<OverviewSortKey, string> = {
  status: "status",
  name: "name",
  load: "this week's load against the average",
  report: "last report",
  weeks: "flagged weeks",
};

/** A column header that sorts the table by a link (works without JavaScript; the order is in the URL). */
function SortHeader({
  label,
  column,
  sort,
  dir,
  colSpan,
  rowSpan,
}: {
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
        <span className="visually-hidden">{`, sort ${next === "asc" ? "ascending" : "descending"}`}</span>
      </a>
    </th>
  );
}

// The triage list is read top-down in a minute: the first dozen, worst first, and every referral.
const ATTENTION_SHOWN = 12;

/** Athletes with an open referral, warning or caution, worst first, each with the flag that leads. */
async function NeedsAttention({ squadId, statuses, showAll, unit }: { squadId: string; statuses: AthleteStatus[]; showAll: boolean; unit: Unit }) {
  const words = engineText(await currentLocale(), unit);
  const flagged = statuses.filter((s) => s.worst && s.worst !== "info");
  if (flagged.length === 0) return <p className="muted">Nobody needs attention today.</p>;
  const referrals = flagged.filter((s) => s.worst === "referral").length;
  const shown = showAll ? flagged : flagged.slice(0, Math.max(ATTENTION_SHOWN, referrals));
  return (
    <div>
      <h3>Needs attention ({flagged.length})</h3>
      <ol className="triage-list">
        {shown.map((s) => {
          const serious = s.open.filter((f) => f.severity !== "info");
          const lead = serious[0];
          return (
            <li key={s.id} className={`card flag flag-${s.worst}`}>
              <p style={{ margin: 0 }}>
                <StatusBadge status={s} />{" "}
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
                  Acknowledged by {lead.review.by}
                  {lead.review.note ? `: “${lead.review.note}”` : ""}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {shown.length < flagged.length ? (
        <p>
          <a href={`/coach?attention=all#squad-${squadId}`}>Show all {flagged.length} athletes who need attention</a>{" "}
          <span className="muted">(the table below lists everyone with their status)</span>
        </p>
      ) : null}
    </div>
  );
}
