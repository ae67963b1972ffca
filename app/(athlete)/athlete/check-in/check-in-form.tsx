"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { submitOstrcCheckInAction } from "@/lib/ostrc/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";
import { ChoiceTiles } from "@/lib/pain/choice-tiles";
import { COULD_NOT_PARTICIPATE, OSTRC_AREA_KEYS, OSTRC_QUESTIONS, type OstrcAreaKey, type OstrcQuestionKey } from "@/lib/ostrc/questions";

export type CheckInArea = { problem: "yes" | "no"; answers: Record<OstrcQuestionKey, string | null> };
export type CheckInInitial = Record<OstrcAreaKey, CheckInArea>;

const FORCED_BY_Q1: OstrcQuestionKey[] = ["q2", "q3"];

export function CheckInForm({ initial }: { initial: CheckInInitial }) {
  const t = useTranslations("ostrc");
  const [state, formAction] = useActionState(submitOstrcCheckInAction, idleState);
  const [areas, setAreas] = useState(initial);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};

  // The scores sit above the form; after saving, bring them into view instead of leaving the reader at the button.
  useEffect(() => {
    if (state.status !== "ok") return;
    const heading = document.getElementById("ostrc-scores-heading");
    heading?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
  }, [state]);

  function setProblem(key: OstrcAreaKey, problem: "yes" | "no") {
    setAreas((a) => ({ ...a, [key]: { ...a[key], problem } }));
  }

  function answer(key: OstrcAreaKey, q: OstrcQuestionKey, value: string) {
    setAreas((a) => {
      const answers = { ...a[key].answers, [q]: value };
      // "Could not participate" in Q1 means training and performance were fully lost too.
      if (q === "q1" && Number(value) === COULD_NOT_PARTICIPATE) for (const f of FORCED_BY_Q1) answers[f] = String(COULD_NOT_PARTICIPATE);
      return { ...a, [key]: { ...a[key], answers } };
    });
  }

  return (
    <form action={formAction} noValidate className="check-in-form">
      {OSTRC_AREA_KEYS.map((key) => {
        const area = areas[key];
        const out = Number(area.answers.q1) === COULD_NOT_PARTICIPATE;
        return (
          <fieldset key={key} className="check-in-area">
            <legend>{t(`areas.${key}`)}</legend>
            <ChoiceTiles
              name={`${key}.problem`}
              layout="pair"
              legend={t("past7Days")}
              value={area.problem}
              onChange={(v) => setProblem(key, v as "yes" | "no")}
              errors={errors[`${key}.problem`] ?? errors[key]}
              options={[
                { value: "no", label: t("noProblems") },
                { value: "yes", label: t("hadProblems") },
              ]}
            />
            {area.problem === "yes" ? (
              <div className="check-in-questions">
                {OSTRC_QUESTIONS.map((q) => {
                  const forced = out && FORCED_BY_Q1.includes(q.key);
                  return (
                    <ChoiceTiles
                      key={q.key}
                      name={`${key}.${q.key}`}
                      layout="stack"
                      legend={t(`questions.${q.key}.text`)}
                      hint={forced ? t("forcedHint") : undefined}
                      value={area.answers[q.key]}
                      onChange={(v) => answer(key, q.key, v)}
                      errors={errors[`${key}.${q.key}`]}
                      options={q.answers.map((a, i) => ({
                        value: String(a.score),
                        label: t(`questions.${q.key}.a${i}`),
                        disabled: forced && a.score !== COULD_NOT_PARTICIPATE,
                      }))}
                    />
                  );
                })}
              </div>
            ) : null}
          </fieldset>
        );
      })}
      <FormMessage state={state} />
      <SubmitButton className="button button-wide" pendingText={t("saving")}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}
