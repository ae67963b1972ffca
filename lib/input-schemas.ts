// Shared by every form's schema (and the form runner in lib/forms.ts): what a person may type in a text
// field, and what an id looks like. Kept free of server code so client components may import it.
import { z } from "zod";
import { hasControlCharacters } from "@/lib/control-characters";

export { hasControlCharacters };

export const CONTROL_CHARACTERS_MESSAGE = "Remove the control characters from this field";

/**
 * Text typed on one line (a name, a title): trimmed, and refused with a message for the field when it
 * holds a control character, a tab or a line break. Chain `.min()` / `.max()` as with `z.string()`.
 */
export function singleLineText(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .trim()
    .refine((v) => !hasControlCharacters(v, { multiline: false }), CONTROL_CHARACTERS_MESSAGE);
}

/** Text of several lines (notes, descriptions, comments): tabs and line breaks are fine, other controls are not. */
export function multiLineText(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .trim()
    .refine((v) => !hasControlCharacters(v, { multiline: true }), CONTROL_CHARACTERS_MESSAGE);
}

/**
 * A row's id as forms and addresses carry it: cuid-like ids and base64url tokens, nothing else. Anything
 * else names no row, and would only reach the database to fail there.
 */
export const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

export const idSchema = z.string().trim().regex(ID_SHAPE, "This form is out of date: reload the page and try again");

/** Whether a value could be an id of ours (see ID_SHAPE). */
export const isIdShaped = (value: unknown): value is string => typeof value === "string" && ID_SHAPE.test(value);
