import Link from "next/link";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listOwnShoes } from "@/lib/sessions/queries";
import { listSessionHistory } from "@/lib/sessions/history";
import { parseHistoryQuery, type RawSearchParams } from "@/lib/sessions/history-params";
import { createSessionAction } from "@/lib/sessions/actions";
import { SessionForm } from "@/lib/ui/session-form";
import { blankSession } from "@/lib/sessions/blank-session";
import { todayIn } from "@/lib/dates";
import { HistorySection } from "./history-section";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const viewer = await requireViewer();
  const query = parseHistoryQuery(params);
  const [history, shoes] = await Promise.all([listSessionHistory(viewer, query), listOwnShoes(viewer)]);
  return (
    <>
      <h1>Sessions</h1>
      {params.saved ? <p className="notice notice-ok">Session updated.</p> : null}
      {params.deleted ? <p className="notice notice-ok">Session deleted.</p> : null}
      <section className="card" aria-labelledby="log-heading">
        <h2 id="log-heading" style={{ marginTop: 0 }}>
          Log a session
        </h2>
        <SessionForm
          action={createSessionAction}
          unit={viewer.unitPreference}
          shoes={shoes}
          submitLabel="Save session"
          resetOnSuccess
          initial={blankSession(todayIn(viewer.timeZone))}
        />
        <p className="muted">
          Shoes are managed on <Link href="/athlete/shoes">your shoes page</Link>.
        </p>
      </section>
      <HistorySection viewer={viewer} shoes={shoes} query={query} history={history} />
    </>
  );
}
