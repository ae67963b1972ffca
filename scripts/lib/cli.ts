import path from "node:path";

// npm runs scripts from the project root; a path typed by the user means the folder they typed it in.
const userCwd = () => process.env.INIT_CWD ?? process.cwd();

export const userPath = (file: string) => path.resolve(userCwd(), file);

/** Relative to the user's folder when inside it, else absolute. */
export function shownPath(file: string): string {
  const relative = path.relative(userCwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/** Prints an error's message (no stack: these commands' errors say what to do), the usage after argument errors. */
export function reportFailure(error: unknown, usage: string): never {
  console.error(error instanceof Error ? error.message : String(error));
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) console.error(usage);
  process.exit(1);
}
