"use client";

import type { ReactNode } from "react";
import { FieldError } from "@/lib/ui/form-controls";

export type TileOption = { value: string; label: ReactNode; disabled?: boolean };

type Props = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: TileOption[];
  /** null or undefined: not answered yet, no tile chosen. */
  value: string | null | undefined;
  onChange: (value: string) => void;
  errors?: string[];
  /** "nrs": eleven equal tiles; "pair": two short answers beside the question; default: tiles that wrap. */
  layout?: "nrs" | "pair" | "wrap" | "stack";
  className?: string;
};

/**
 * A radio group drawn as large tiles (at least 44 px), for answering with one tap on a phone. The real
 * radio covers each tile, so keyboard, screen readers and form posts behave as with plain radios.
 */
export function ChoiceTiles({ name, legend, hint, options, value, onChange, errors, layout = "wrap", className }: Props) {
  const id = `field-${name.replace(/\W/g, "-")}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={`tiles tiles-${layout}${errors?.length ? " tiles-invalid" : ""}${className ? ` ${className}` : ""}`}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <div className="tile-row">
        {options.map((o) => (
          <label key={o.value} className="tile">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
              onChange={() => onChange(o.value)}
            />
            <span className="tile-face">{o.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
