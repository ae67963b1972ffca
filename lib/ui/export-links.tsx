import { getTranslations } from "next-intl/server";
import { addDays, mondayOf } from "@/lib/dates";
import { MAX_EXPORT_DAYS } from "@/lib/exports/schemas";

const FORMATS = ["pdf", "csv", "ics"];

/**
 * A download form: a plain GET to the export route, so it works without JavaScript and the browser
 * saves the file the route names. The route checks the dates again and explains what is wrong.
 */
export async function ExportForm({
  id,
  title,
  action,
  defaultFrom,
  defaultTo,
  formats,
  hidden = {},
  athletes,
  description,
}: {
  /** Unique on the page; prefixes the fields' ids. */
  id: string;
  title: string;
  action: string;
  defaultFrom: string;
  defaultTo: string;
  /** Offered formats; none for an export with a single format (it says which in the title). */
  formats?: readonly string[];
  hidden?: Record<string, string>;
  /** A choice between the whole squad and one athlete. */
  athletes?: { id: string; name: string }[];
  description?: string;
}) {
  const t = await getTranslations("sessions");
  return (
    <form method="get" action={action} aria-labelledby={`${id}-title`} className="export-form">
      <h3 id={`${id}-title`} style={{ marginTop: 0 }}>
        {title}
      </h3>
      {description ? <p className="muted">{description}</p> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t("export.from")}</label>
          <input id={`${id}-from`} name="from" type="date" required defaultValue={defaultFrom} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t("export.to")}</label>
          <input id={`${id}-to`} name="to" type="date" required defaultValue={defaultTo} />
        </div>
        {athletes ? (
          <div className="field">
            <label htmlFor={`${id}-athlete`}>{t("export.athletes")}</label>
            <select id={`${id}-athlete`} name="athleteId" defaultValue="">
              <option value="">{t("export.wholeSquad")}</option>
              {athletes.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {formats && formats.length > 0 ? (
          <div className="field">
            <label htmlFor={`${id}-format`}>{t("export.format")}</label>
            <select id={`${id}-format`} name="format" defaultValue={formats[0]}>
              {formats.map((f) => (
                <option key={f} value={f}>
                  {FORMATS.includes(f) ? t(`export.${f}`) : f}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <p className="hint">{t("export.maxDays", { days: MAX_EXPORT_DAYS })}</p>
      <button type="submit" className="button button-secondary">
        {t("export.download")}
      </button>
    </form>
  );
}

/** Default plan window: this week and the three after it. */
const planDefaults = (today: string) => ({ defaultFrom: mondayOf(today), defaultTo: addDays(mondayOf(today), 27) });

/** A coach's exports of one athlete: their plan in this squad, and their load and pain history. */
export async function AthleteExports({ squadId, athleteId, today }: { squadId: string; athleteId: string; today: string }) {
  const t = await getTranslations("sessions");
  const base = `/api/exports/squads/${encodeURIComponent(squadId)}`;
  return (
    <section aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t("export.heading")}</h2>
      <div className="grid">
        <div className="card">
          <ExportForm
            id="export-plan"
            title={t("export.plan")}
            action={`${base}/plan`}
            formats={["pdf", "csv", "ics"]}
            hidden={{ athleteId }}
            {...planDefaults(today)}
          />
        </div>
        <div className="card">
          <ExportForm
            id="export-history"
            title={t("export.history")}
            description={t("export.historyHint")}
            action={`${base}/athletes/${encodeURIComponent(athleteId)}/history`}
            defaultFrom={addDays(today, -83)}
            defaultTo={today}
          />
        </div>
      </div>
    </section>
  );
}

/** A coach's export of a squad's plan, for everyone or one athlete. */
export async function SquadPlanExport({ squadId, athletes, today }: { squadId: string; athletes: { id: string; name: string }[]; today: string }) {
  const t = await getTranslations("sessions");
  return (
    <section aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t("export.heading")}</h2>
      <div className="card">
        <ExportForm
          id="export-squad-plan"
          title={t("export.plan")}
          action={`/api/exports/squads/${encodeURIComponent(squadId)}/plan`}
          formats={["pdf", "csv", "ics"]}
          athletes={athletes}
          {...planDefaults(today)}
        />
      </div>
    </section>
  );
}

/** An athlete's export of their own plan; the calendar file has its own download and feed. */
export async function MyPlanExport({ today }: { today: string }) {
  const t = await getTranslations("sessions");
  return (
    <section aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t("export.heading")}</h2>
      <div className="card">
        <ExportForm id="export-my-plan" title={t("export.myPlan")} action="/api/exports/me/plan" formats={["pdf", "csv"]} {...planDefaults(today)} />
      </div>
    </section>
  );
}
