import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, ConflictError, ValidationError } from "@/lib/errors";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from "@/lib/input-schemas";
import type { Locale } from "@/lib/i18n/config";
import { localizeFieldErrors, localizeServerMessage } from "@/lib/i18n/server-messages";
import { currentLocale } from "@/lib/i18n/server";

/** What every form action returns to `useActionState`. */
export type FormState = {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Values echoed back so a failed submit keeps what the person typed (never passwords). */
  values?: Record<string, string>;
  data?: Record<string, string>;
};


const SECRET_FIELDS = /password|token/i;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !SECRET_FIELDS.test(key)) values[key] = value;
  }
  return values;
}

/** Reads a FormData into an object; repeated keys (checkbox groups) become arrays. */
export function formObject(formData: FormData, arrayFields: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrayFields.includes(key) ? all : all[0];
  }
  for (const key of arrayFields) out[key] ??= [];
  return out;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.length ? issue.path.join(".") : "form";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    throw new ValidationError("Please correct the highlighted fields.", fieldErrors);
  }
  return result.data;
}

/**
 * The posted fields holding characters that no field accepts (see lib/input-schemas.ts), each with its
 * message. Passwords are left alone: they are only ever hashed, never stored or shown.
 */
export function controlCharacterErrors(formData: FormData): Record<string, string[]> | null {
  let errors: Record<string, string[]> | null = null;
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$") || /password/i.test(key)) continue;
    if (hasControlCharacters(value, { multiline: true }) || hasControlCharacters(key, { multiline: false })) {
      (errors ??= {})[key] = [CONTROL_CHARACTERS_MESSAGE];
    }
  }
  return errors;
}

/**
 * Runs a form action body and turns known errors into a FormState. Unknown errors are logged and answered
 * with a generic message so internals never reach the page. Fields holding control characters are refused
 * before the body runs, whatever its schema says, so no action hands a NUL to the database.
 */
export async function runForm(
  formData: FormData,
  body: () => Promise<FormState | void>,
): Promise<FormState> {
  return localizeFormState(await runFormInEnglish(formData, body), await currentLocale());
}

/** A form state's messages in the reader's language (see lib/i18n/server-messages.ts). */
function localizeFormState(state: FormState, locale: Locale): FormState {
  if (locale === "en" || state.status === "idle") return state;
  return {
    ...state,
    ...(state.message !== undefined ? { message: localizeServerMessage(state.message, locale) } : {}),
    ...(state.fieldErrors ? { fieldErrors: localizeFieldErrors(state.fieldErrors, locale) } : {}),
  };
}

async function runFormInEnglish(formData: FormData, body: () => Promise<FormState | void>): Promise<FormState> {
  const refused = controlCharacterErrors(formData);
  if (refused) {
    return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: refused, values: formValues(formData) };
  }
  try {
    return (await body()) ?? { status: "ok" };
  } catch (error) {
    unstable_rethrow(error);
    const values = formValues(formData);
    if (error instanceof ValidationError) {
      return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values };
    }
    if (error instanceof ConflictError) {
      return {
        status: "error",
        message: error.message,
        fieldErrors: error.field ? { [error.field]: [error.message] } : undefined,
        values,
      };
    }
    if (error instanceof AppError) return { status: "error", message: error.message, values };
    console.error(error);
    return { status: "error", message: "Something went wrong on our side. Nothing was saved; please try again.", values };
  }
}
