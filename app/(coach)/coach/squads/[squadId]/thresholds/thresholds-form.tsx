"use client";

import { useActionState } from "react";
import { updateAthleteThresholdsAction, updateSquadThresholdsAction } from "@/lib/thresholds/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";
import type { ThresholdGroupView } from "@/lib/thresholds/queries";

/** The form's own words, from the page (the fields bring theirs). */
type Words = { sources: string; save: string; saving: string };

type Props =
  | { level: "squad"; squadId: string; groups: ThresholdGroupView[]; words: Words }
  | { level: "athlete"; squadId: string; athleteId: string; groups: ThresholdGroupView[]; words: Words };

export function ThresholdsForm(props: Props) {
  const [state, action] = useActionState(props.level === "squad" ? updateSquadThresholdsAction : updateAthleteThresholdsAction, idleState);
  return (
    <form action={action} noValidate className="thresholds-form">
      <FormMessage state={state} />
      <input type="hidden" name="squadId" value={props.squadId} />
      {props.level === "athlete" ? <input type="hidden" name="athleteId" value={props.athleteId} /> : null}
      {props.groups.map((group) => {
        const { flag } = group.fields[0];
        return (
          <fieldset key={group.flagId} className="card threshold-group">
            <legend>{group.name}</legend>
            <p className="muted threshold-evidence">{group.fields[0].evidence}</p>
            <details className="threshold-sources">
              <summary>{props.words.sources}</summary>
              <ul>
                {flag.citations.map((c) => (
                  <li key={c.short} lang="en">
                    {c.text}
                  </li>
                ))}
              </ul>
            </details>
            {group.fields.map((field) =>
              field.options ? (
                <SelectField
                  key={field.key}
                  name={field.key}
                  label={field.label}
                  state={state}
                  defaultValue={field.value}
                  placeholder={field.placeholder}
                  options={field.options}
                  hint={field.hint}
                />
              ) : (
                <Field
                  key={field.key}
                  name={field.key}
                  label={field.unit ? `${field.label} (${field.unit})` : field.label}
                  state={state}
                  defaultValue={field.value}
                  inputMode="decimal"
                  hint={field.hint}
                />
              ),
            )}
          </fieldset>
        );
      })}
      <SubmitButton pendingText={props.words.saving}>{props.words.save}</SubmitButton>
    </form>
  );
}
