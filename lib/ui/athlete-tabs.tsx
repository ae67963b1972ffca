import Link from "next/link";

/** The parts of an athlete's page; the summary is the page without a `tab`. */
export const ATHLETE_TABS = ["summary", "load", "back", "plan", "sessions", "profile"] as const;
export type AthleteTab = (typeof ATHLETE_TABS)[number];

/**
 * The tab in the address. A chart period (`range`, `from`, `to`) without a tab belongs to the load tab:
 * the period links of the charts carry only the period.
 */
export function parseAthleteTab(params: Record<string, string | string[] | undefined>, tabs: readonly AthleteTab[] = ATHLETE_TABS): AthleteTab {
  const raw = Array.isArray(params.tab) ? params.tab[0] : params.tab;
  if (raw && (tabs as readonly string[]).includes(raw)) return raw as AthleteTab;
  if (tabs.includes("load") && (params.range !== undefined || params.from !== undefined || params.to !== undefined)) return "load";
  return "summary";
}

export const tabHref = (basePath: string, tab: AthleteTab) => (tab === "summary" ? basePath : `${basePath}?tab=${tab}`);

/**
 * The page's parts as plain links: each is an address of its own, so they work without JavaScript, the
 * back button returns to the part before, and a part can be bookmarked.
 */
export function AthleteTabs({
  basePath,
  current,
  tabs,
  label,
}: {
  basePath: string;
  current: AthleteTab;
  tabs: { id: AthleteTab; label: string }[];
  label: string;
}) {
  return (
    <nav aria-label={label} className="page-tabs">
      <ul>
        {tabs.map((t) => (
          <li key={t.id}>
            <Link href={tabHref(basePath, t.id)} aria-current={t.id === current ? "page" : undefined} prefetch={false} scroll={false}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
