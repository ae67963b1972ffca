// Characters no text of the app may hold, in one place for forms (lib/input-schemas.ts) and imports.
// No dependencies: the import readers and client components use it too.

// C0 control characters but tab, line feed and carriage return (Postgres refuses NUL outright, so one
// typed, pasted or imported failed the whole save), DEL, C1 control characters, and halves of a UTF-16
// surrogate pair without their other half (not text; they would be stored as a replacement character).
const CONTROL_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/;

/**
 * Whether text holds a character no field accepts. A multi-line field (notes, descriptions, comments)
 * takes tabs and line breaks; a single-line one (names, titles) takes neither.
 */
export function hasControlCharacters(value: string, { multiline }: { multiline: boolean }): boolean {
  return CONTROL_CHARACTERS.test(value) || (!multiline && LINE_BREAKS_AND_TABS.test(value));
}

/** The text without the characters `hasControlCharacters` finds (for text read from files, not typed). */
export function stripControlCharacters(value: string, { multiline }: { multiline: boolean }): string {
  const stripped = value.replace(new RegExp(CONTROL_CHARACTERS.source, "g"), "");
  return multiline ? stripped : stripped.replace(/[\t\n\r]/g, "");
}
