import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getOwnOstrcWeek } from "@/lib/ostrc/queries";
import { OSTRC_AREA_KEYS, OSTRC_AREA_LABELS, areaKeyOf, zoneOfKey } from "@/lib/ostrc/questions";
import { formatDate } from "@/lib/dates";
import { CheckInForm, type CheckInInitial } from "./check-in-form";

export const metadata: Metadata = { title: "Weekly check-in" };

export default async function CheckInPage() {
  const viewer = await requireViewer();
  const week = await getOwnOstrcWeek(viewer);
  const initial = Object.fromEntries(
    OSTRC_AREA_KEYS.map((key) => {
      const saved = week.areas.find((a) => a.zone === zoneOfKey(key));
      const problem = saved && saved.q1 + saved.q2 + saved.q3 + saved.q4 > 0 ? "yes" : "no";
      const answers = saved && problem === "yes"
        ? { q1: String(saved.q1), q2: String(saved.q2), q3: String(saved.q3), q4: String(saved.q4) }
        : { q1: null, q2: null, q3: null, q4: null };
      return [key, { problem, answers }];
    }),
  ) as CheckInInitial;
  return (
    <div className="check-in-page">
      <h1>Weekly check-in</h1>
      <p>
        Week of {formatDate(week.weekStart)} to {formatDate(week.weekEnd)}.{" "}
        <span className="muted">
          Think of the past 7 days. If a part of your back gave you no trouble, leave it at “No problems”.
        </span>
      </p>
      <section aria-live="polite" aria-labelledby={week.areas.length ? "ostrc-scores-heading" : undefined}>
        {week.areas.length ? (
          <div className="card">
            <h2 id="ostrc-scores-heading" tabIndex={-1} style={{ marginTop: 0 }}>
              This week&apos;s scores
            </h2>
            <table>
              <caption className="visually-hidden">OSTRC scores of this week by back area</caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col">Severity (0–100)</th>
                  <th scope="col">Substantial problem</th>
                </tr>
              </thead>
              <tbody>
                {week.areas.map((a) => (
                  <tr key={a.zone}>
                    <th scope="row">{OSTRC_AREA_LABELS[areaKeyOf(a.zone)]}</th>
                    <td>{a.severity}</td>
                    <td>{a.substantial ? <span className="badge badge-danger">Yes</span> : "No"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted" style={{ marginBottom: 0 }}>
              A substantial problem means you modified your training or competition, or your performance was affected, to a
              moderate extent or more, or you could not take part. You can change your answers until the week ends.
            </p>
          </div>
        ) : null}
      </section>
      <section className="card" aria-label="Check-in questions">
        <CheckInForm initial={initial} />
      </section>
    </div>
  );
}
