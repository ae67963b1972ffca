"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { createPainReportAction } from "@/lib/pain/actions";
import type { PainFormState } from "@/lib/pain/triage";
import { idleState } from "@/lib/forms-state";
import { FieldError, FormMessage, SubmitButton } from "@/lib/ui/form-controls";
import { BodyMap, type BodyMapValue } from "@/lib/ui/body-map";
import { ChoiceTiles } from "@/lib/pain/choice-tiles";
import { ASKED_RED_FLAGS, PAIN_SIDES, PAIN_TIMINGS, areaName, redFlagField } from "@/lib/pain/labels";
import { TriagePanel } from "./triage-panel";

/** The side an area implies, so most reports need no extra tap. */
function sideOf(subArea: string): string | null {
  if (subArea.endsWith("-left")) return "LEFT";
  if (subArea.endsWith("-right")) return "RIGHT";
  if (["nape", "between-shoulder-blades", "mid-back", "lower-back-centre", "lumbosacral"].includes(subArea)) return "CENTRAL";
  return null;
}

type Props = {
  today: string;
  /** For staff reporting for an athlete: their action, the hidden fields naming the athlete, and where a saved report opens. */
  forAthlete?: {
    action: (prev: PainFormState, data: FormData) => Promise<PainFormState>;
    fields: Record<string, string>;
    /** Where a saved report opens, its id appended; null when there is no page to open. */
    reportPath: string | null;
  };
};

export function PainReportForm({ today, forAthlete }: Props) {
  const t = useTranslations("pain");
  const tb = useTranslations("bodyMap");
  const yesNo = [
    { value: "yes", label: t("yes") },
    { value: "no", label: t("no") },
  ];
  const nrsAnchors: Record<number, string> = { 0: t("nrsAnchor0"), 5: t("nrsAnchor5"), 10: t("nrsAnchor10") };
  const [state, formAction] = useActionState<PainFormState, FormData>(forAthlete?.action ?? createPainReportAction, idleState);
  const audience = forAthlete ? "staff" : "athlete";
  const reportPath = forAthlete ? forAthlete.reportPath : "/athlete/pain/";
  const [area, setArea] = useState<BodyMapValue>(null);
  const [side, setSide] = useState<string | null>(null);
  const [sideTouched, setSideTouched] = useState(false);
  const [nrs, setNrs] = useState<string | null>(null);
  const [timing, setTiming] = useState<string | null>(null);
  const [triggerPoint, setTriggerPoint] = useState("no");
  // The movement question and the warning signs start unanswered: a sign skipped must not pass for a "no".
  const [mechanical, setMechanical] = useState<string | null>(null);
  const [redFlags, setRedFlags] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState("");
  const [date, setDate] = useState(today);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const savedId = state.status === "ok" ? (state.data?.reportId ?? null) : null;
  const showResult = savedId !== null && savedId !== dismissed && state.triage !== undefined;
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const areaErrors = [...(errors.zone ?? []), ...(errors.subArea ?? [])];
  // A question answered since the refusal no longer shows its error.
  const redFlagErrors = (id: string) => (redFlags[id] ? undefined : errors[redFlagField(id)]);
  const unanswered = ASKED_RED_FLAGS.filter((s) => redFlagErrors(s.id)).length;
  const redFlagSummary = [
    ...(errors.redFlags ?? []),
    ...(unanswered > 0 ? [t("unansweredSummary", { count: unanswered })] : []),
  ];

  useEffect(() => {
    if (showResult) document.getElementById("pain-result-heading")?.focus();
  }, [showResult, savedId]);

  // On a phone the first unanswered question can be several screens up: take the athlete to it.
  useEffect(() => {
    if (state.status !== "error") return;
    const first = document.querySelector<HTMLElement>('.pain-form [aria-invalid="true"], .pain-form .tiles-invalid input');
    first?.scrollIntoView({ block: "center" });
    first?.focus({ preventScroll: true });
  }, [state]);

  function startOver() {
    setDismissed(savedId);
    setArea(null);
    setSide(null);
    setSideTouched(false);
    setNrs(null);
    setTiming(null);
    setTriggerPoint("no");
    setMechanical(null);
    setRedFlags({});
    setNotes("");
    setDate(today);
  }

  return (
    <>
      <div aria-live="polite" className="pain-result">
        {showResult && state.triage && area && nrs !== null ? (
          <>
            <TriagePanel
              triage={state.triage}
              area={areaName(tb, area.zone, area.subArea)}
              nrs={Number(nrs)}
              headingId="pain-result-heading"
              focusable
              audience={audience}
            />
            <p className="row">
              <button type="button" className="button button-secondary" onClick={startOver}>
                {t("reportAgain")}
              </button>
              {reportPath && savedId ? <Link href={`${reportPath}${savedId}`}>{t("openReport")}</Link> : null}
            </p>
          </>
        ) : null}
      </div>
      {showResult ? null : (
        <form action={formAction} noValidate className="pain-form">
          {forAthlete ? (
            <>
              {Object.entries(forAthlete.fields).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <p className="hint">{t("staffHint")}</p>
            </>
          ) : null}
          <fieldset className="body-map-field" aria-describedby={areaErrors.length ? "field-area-error" : undefined}>
            <legend id="pain-area-legend">{t("whereLegend")}</legend>
            <p className="hint" id="pain-area-hint">
              {t("whereHint")}
            </p>
            <BodyMap
              value={area}
              labelledBy="pain-area-legend"
              describedBy="pain-area-hint"
              invalid={areaErrors.length > 0}
              onChange={(v) => {
                setArea(v);
                if (!sideTouched) setSide(sideOf(v.subArea));
              }}
            />
            <input type="hidden" name="zone" value={area?.zone ?? ""} />
            <input type="hidden" name="subArea" value={area?.subArea ?? ""} />
            <FieldError id="field-area-error" errors={areaErrors.length ? areaErrors : undefined} />
          </fieldset>

          <ChoiceTiles
            name="nrs"
            layout="nrs"
            legend={t("nrsLegend")}
            value={nrs}
            onChange={setNrs}
            errors={errors.nrs}
            options={Array.from({ length: 11 }, (_, n) => ({
              value: String(n),
              label: (
                <>
                  <span className="tile-number">{n}</span>{" "}
                  {nrsAnchors[n] ? <span className="tile-caption">{nrsAnchors[n]}</span> : null}
                </>
              ),
            }))}
          />

          <ChoiceTiles
            name="side"
            legend={t("sideLegend")}
            value={side}
            onChange={(v) => {
              setSide(v);
              setSideTouched(true);
            }}
            errors={errors.side}
            options={PAIN_SIDES.map((s) => ({ value: s, label: t(`sides.${s}`) }))}
          />

          <ChoiceTiles
            name="timing"
            legend={t("timingLegend")}
            value={timing}
            onChange={setTiming}
            errors={errors.timing}
            options={PAIN_TIMINGS.map((v) => ({ value: v, label: t(`timings.${v}`) }))}
          />

          <ChoiceTiles
            name="mechanical"
            legend={t("mechanicalLegend")}
            hint={t("mechanicalHint")}
            value={mechanical}
            onChange={setMechanical}
            errors={mechanical ? undefined : errors.mechanical}
            options={[
              { value: "yes", label: t("mechanicalYes") },
              { value: "no", label: t("mechanicalNo") },
              { value: "unsure", label: t("mechanicalUnsure") },
            ]}
          />

          <ChoiceTiles
            name="triggerPoint"
            layout="pair"
            legend={t("triggerPointLegend")}
            value={triggerPoint}
            onChange={setTriggerPoint}
            errors={errors.triggerPoint}
            options={yesNo}
          />

          <fieldset className="red-flags" aria-describedby={`red-flags-hint${redFlagSummary.length ? " field-redFlags-error" : ""}`}>
            <legend>{t("warningSignsLegend")}</legend>
            <p className="hint" id="red-flags-hint">
              {t("warningSignsHint")}
            </p>
            <FieldError id="field-redFlags-error" errors={redFlagSummary.length ? redFlagSummary : undefined} />
            {ASKED_RED_FLAGS.map((s) => (
              <ChoiceTiles
                key={s.id}
                name={redFlagField(s.id)}
                layout="pair"
                legend={t.has(`redFlagQuestions.${s.id}`) ? t(`redFlagQuestions.${s.id}`) : s.question}
                value={redFlags[s.id]}
                onChange={(v) => setRedFlags((r) => ({ ...r, [s.id]: v }))}
                errors={redFlagErrors(s.id)}
                options={yesNo}
              />
            ))}
          </fieldset>

          <div className="field">
            <label htmlFor="field-date">{t("dateLabel")}</label>
            <input
              id="field-date"
              name="date"
              type="date"
              max={today}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              aria-invalid={errors.date ? true : undefined}
              aria-describedby={errors.date ? "field-date-error" : undefined}
            />
            <FieldError id="field-date-error" errors={errors.date} />
          </div>

          <div className="field">
            <label htmlFor="field-notes">{t("notesLabel")}</label>
            <textarea
              id="field-notes"
              name="notes"
              rows={2}
              maxLength={1000}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
              aria-invalid={errors.notes ? true : undefined}
              aria-describedby={errors.notes ? "field-notes-error" : undefined}
            />
            <FieldError id="field-notes-error" errors={errors.notes} />
          </div>

          <FormMessage state={state.status === "error" ? state : idleState} />
          <SubmitButton className="button button-wide" pendingText={t("sending")}>
            {t("send")}
          </SubmitButton>
        </form>
      )}
    </>
  );
}
