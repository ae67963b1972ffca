"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { submitWellnessAction } from "@/lib/wellness/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";
import { ChoiceTiles } from "@/lib/pain/choice-tiles";
import { WELLNESS_ITEMS } from "@/lib/wellness/labels";

export type WellnessAnswers = Record<(typeof WELLNESS_ITEMS)[number]["key"] | "backStiffness", string | null>;

function face(n: number, caption?: string) {
  return (
    <>
      <span className="tile-number">{n}</span>
      {caption ? <span className="tile-caption">{caption}</span> : null}
    </>
  );
}

/**
 * Six taps and one button: each question a row of large tiles (plain radios underneath, so the form posts
 * without JavaScript too), the ends of every scale named in words.
 */
export function WellnessForm({ initial, answeredToday }: { initial: WellnessAnswers; answeredToday: boolean }) {
  const t = useTranslations("wellness");
  const [state, formAction] = useActionState(submitWellnessAction, idleState);
  const [answers, setAnswers] = useState(initial);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const set = (key: keyof WellnessAnswers) => (value: string) => setAnswers((a) => ({ ...a, [key]: value }));
  return (
    <form action={formAction} noValidate className="wellness-form">
      {WELLNESS_ITEMS.map((item) => (
        <ChoiceTiles
          key={item.key}
          name={item.key}
          className="tiles-five"
          legend={t(`items.${item.key}.question`)}
          value={answers[item.key]}
          onChange={set(item.key)}
          errors={errors[item.key]}
          options={[1, 2, 3, 4, 5].map((n) => ({
            value: String(n),
            label: face(n, n === 1 ? t(`items.${item.key}.best`) : n === 5 ? t(`items.${item.key}.worst`) : undefined),
          }))}
        />
      ))}
      <ChoiceTiles
        name="backStiffness"
        layout="nrs"
        legend={t("items.backStiffness.question")}
        value={answers.backStiffness}
        onChange={set("backStiffness")}
        errors={errors.backStiffness}
        options={Array.from({ length: 11 }, (_, n) => ({
          value: String(n),
          label: face(n, n === 0 ? t("items.backStiffness.best") : n === 10 ? t("items.backStiffness.worst") : undefined),
        }))}
      />
      <FormMessage state={state} />
      <SubmitButton className="button button-wide" pendingText={t("saving")}>
        {answeredToday ? t("saveReplace") : t("save")}
      </SubmitButton>
    </form>
  );
}
