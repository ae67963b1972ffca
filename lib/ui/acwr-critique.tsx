import { CITATIONS } from "@/lib/training-load";

// The sources of the ratio and of its critique, in the order the text uses them.
const SOURCES = ["gabbett-2016", "lolli-2019", "windt-gabbett-2019", "impellizzeri-2020", "williams-2017", "impellizzeri-2021", "frandsen-2025"];

/**
 * Why the acute:chronic ratio is shown but not trusted, one click from its chart. Coaches and athletes
 * both read it, so it names neither.
 */
export function AcwrCritique({ acwrHigh }: { acwrHigh: number }) {
  return (
    <details className="chart-critique">
      <summary>Why read this ratio with care</summary>
      <p>
        The ratio divides the load of the last week by the load of a longer, chronic period. In its usual
        form the chronic period (28 days) contains the last week, so the same days sit above and below the
        line: the two numbers are <strong>mathematically coupled</strong>, and part of any link between the
        ratio and injuries comes from that arithmetic rather than from training (Lolli 2019; Windt &amp; Gabbett
        2019). The dashed “uncoupled” line divides by the 21 days before the last week instead, so you can see
        how much the coupling matters here.
      </p>
      <p>
        A ratio also hides the amounts behind it. The same value comes from small and from large loads, and a
        small chronic load makes every ordinary week look like a jump. Rest moves it too: during a rest week,
        an illness or an injury the ratio <strong>falls</strong>, because the last week&apos;s load drops faster
        than the chronic load, and it <strong>jumps</strong> when normal training resumes, because the chronic
        load has sunk in the meantime. A return to ordinary training after a break therefore looks like a spike
        although nothing in it is new (Impellizzeri 2020). Exponentially weighted loads (Williams 2017) soften
        the hard 7- and 28-day edges but keep these problems.
      </p>
      <p>
        The shaded 0.8–1.3 band and the flag at {acwrHigh} come from team-sport cohorts (Gabbett 2016). Its
        critics found conceptual and statistical flaws in the ratio (Impellizzeri 2020), and a ratio to a
        randomly chosen chronic load predicted injuries as well as the real one (Impellizzeri 2021). In a
        cohort of 5,205 runners the ratio did not predict injury, while a single run much longer than the
        month&apos;s longest did (Frandsen 2025). The evidence for the ratio is weak: use it as a prompt to
        look at the plan and at how the body is coping, never as a forecast of injury.
      </p>
      <p className="muted">Sources:</p>
      <ul className="muted chart-sources">
        {SOURCES.map((id) => (
          <li key={id}>{CITATIONS[id].text}</li>
        ))}
      </ul>
    </details>
  );
}
