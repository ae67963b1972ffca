import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, ConflictError, ValidationError } from "@/lib/errors";

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
 * Runs a form action body and turns known errors into a FormState. Unknown errors are logged
 * and answered with a generic message so internals never reach the page.
 */
export async function runForm(
  formData: FormData,
  body: () => Promise<FormState | void>,
): Promise<FormState> {
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
