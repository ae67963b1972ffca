"use client";

import { useActionState } from "react";
import { updateAthleteThresholdsAction, updateSquadThresholdsAction } from "@/lib/thresholds/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";
import type { ThresholdFieldView, ThresholdGroupView } from "@/lib/thresholds/queries";

type Props =
  | { level: "squad"; squadId: string; groups: ThresholdGroupView[] }
  | { level: "athlete"; squadId: string; athleteId: string; groups: ThresholdGroupView[] };

function hintFor(field: ThresholdFieldView, level: Props["level"]): string {
  const parts =
    level === "athlete"
      ? [`Squad value: ${field.squadText}`, `default: ${field.defaultText}`]
      : [`Default: ${field.defaultText}`];
  if (field.number) parts.push(`allowed ${field.number.range}`);
  parts.push(level === "athlete" ? "leave empty to use the squad's value" : "leave empty to use the default");
  return `${parts.join("; ")}.`;
}

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
            <p className="muted threshold-evidence">
              Flag <code>{flag.id}</code>. Evidence: {flag.strength}. {flag.citations.map((c) => c.short).join("; ")}.
            </p>
            <details className="threshold-sources">
              <summary>Sources</summary>
              <ul>
                {flag.citations.map((c) => (
                  <li key={c.short}>{c.text}</li>
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
                  placeholder={`${props.level === "athlete" ? "Squad value" : "Default"}: ${field.inherited}`}
                  options={field.options}
                  hint={hintFor(field, props.level)}
                />
              ) : (
                <Field
                  key={field.key}
                  name={field.key}
                  label={field.unit ? `${field.label} (${field.unit})` : field.label}
                  state={state}
                  defaultValue={field.value}
                  inputMode="decimal"
                  hint={hintFor(field, props.level)}
                />
              ),
            )}
          </fieldset>
        );
      })}
      <SubmitButton>Save thresholds</SubmitButton>
    </form>
  );
}
