/** A file or row that cannot be imported, with a reason written for the athlete. */
export class ImportFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFailure";
  }
}

export function describeUnexpected(err: unknown): string {
  const detail = err instanceof Error ? err.message : String(err);
  return `This file could not be read (${detail.slice(0, 200)})`;
}
