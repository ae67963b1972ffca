"use client";

import { useActionState, useState } from "react";
import { submitWellnessAction } from "@/lib/wellness/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";
import { ChoiceTiles } from "@/lib/pain/choice-tiles";
import { STIFFNESS_QUESTION, WELLNESS_ITEMS } from "@/lib/wellness/labels";

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
          legend={item.question}
          value={answers[item.key]}
          onChange={set(item.key)}
          errors={errors[item.key]}
          options={[1, 2, 3, 4, 5].map((n) => ({
            value: String(n),
            label: face(n, n === 1 ? item.best : n === 5 ? item.worst : undefined),
          }))}
        />
      ))}
      <ChoiceTiles
        name="backStiffness"
        layout="nrs"
        legend={STIFFNESS_QUESTION.question}
        value={answers.backStiffness}
        onChange={set("backStiffness")}
        errors={errors.backStiffness}
        options={Array.from({ length: 11 }, (_, n) => ({
          value: String(n),
          label: face(n, n === 0 ? STIFFNESS_QUESTION.best : n === 10 ? STIFFNESS_QUESTION.worst : undefined),
        }))}
      />
      <FormMessage state={state} />
      <SubmitButton className="button button-wide" pendingText="Saving…">
        {answeredToday ? "Save and replace today's answer" : "Save today's check-in"}
      </SubmitButton>
    </form>
  );
}
