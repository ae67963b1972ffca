"use client";

import { useActionState, useEffect, useRef, type MouseEvent } from "react";
import { useTranslations } from "next-intl";
import { createShoeAction, setShoeRetiredAction } from "@/lib/sessions/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function AddShoeForm({ unit }: { unit: "KM" | "MI" }) {
  const t = useTranslations("shoes");
  const [state, action] = useActionState(createShoeAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field name="name" label={t("name")} hint={t("nameHint")} required maxLength={80} state={state} />
      <Field name="brand" label={t("brand")} maxLength={80} state={state} />
      <Field
        name="initialDistance"
        label={t("initialDistance", { unit: unit === "MI" ? "mi" : "km" })}
        type="number"
        inputMode="decimal"
        min={0}
        step="1"
        state={state}
      />
      <Field name="startedOn" label={t("startedOn")} type="date" state={state} />
      <SubmitButton pendingText={t("saving")}>{t("add")}</SubmitButton>
    </form>
  );
}

/**
 * Retiring a shoe takes two steps: "Retire" opens the question, "Confirm" retires it. The question is a
 * <details>, so it opens without JavaScript too, and "Cancel" is a link back to the page that, with
 * JavaScript, simply closes it. Right after retiring, "Undo" brings the shoe back in one step.
 */
export function RetireShoeButton({ shoeId, retired, name }: { shoeId: string; retired: boolean; name: string }) {
  const t = useTranslations("shoes");
  const [state, action] = useActionState(setShoeRetiredAction, idleState);
  const details = useRef<HTMLDetailsElement>(null);
  const undoForm = useRef<HTMLFormElement>(null);
  // What the last change was, so the notice says it and the shoe just retired offers "Undo".
  const done = state.status === "ok" ? state.data?.retired : undefined;

  useEffect(() => {
    if (state.status !== "ok") return;
    // The confirmation has gone with the change: keep the keyboard where the next step is.
    if (state.data?.retired === "true") undoForm.current?.querySelector("button")?.focus();
    else details.current?.querySelector("summary")?.focus();
  }, [state]);

  function cancel(e: MouseEvent<HTMLAnchorElement>) {
    e.preventDefault();
    if (details.current) details.current.open = false;
    details.current?.querySelector("summary")?.focus();
  }

  const hidden = (
    <>
      <input type="hidden" name="shoeId" value={shoeId} />
      <input type="hidden" name="retired" value={retired ? "false" : "true"} />
    </>
  );
  const justRetired = retired && done === "true";
  const notice = done === undefined ? null : done === "true" ? t("retired", { name }) : t("broughtBack", { name });

  return (
    <div className="shoe-retire">
      <p role="status" className={notice ? "muted" : "visually-hidden"}>
        {notice}
      </p>
      {retired ? (
        <form action={action} ref={undoForm}>
          {hidden}
          <SubmitButton className="button button-secondary" pendingText={t("saving")}>
            {justRetired ? t("undo") : t("bringBack")}
            <span className="visually-hidden"> {name}</span>
          </SubmitButton>
        </form>
      ) : (
        <details ref={details} className="confirm-details">
          <summary className="button button-secondary">
            {t("retire")}
            <span className="visually-hidden"> {name}</span>
          </summary>
          <div className="confirm-panel">
            <p>{t("confirmRetire", { name })}</p>
            <form action={action} className="row">
              {hidden}
              <SubmitButton className="button" pendingText={t("saving")}>
                {t("confirm")}
                <span className="visually-hidden">: {t("retireLabel", { name })}</span>
              </SubmitButton>
              <a href="/athlete/shoes" className="button button-secondary" onClick={cancel}>
                {t("cancel")}
              </a>
            </form>
          </div>
        </details>
      )}
      {state.status === "error" ? <p className="field-error">{state.message}</p> : null}
    </div>
  );
}
