/**
 * A bounded in-process store of values computed from an athlete's data, keyed by everything the value
 * was computed from, including the athlete's data version (moved by database triggers on every change to
 * their sessions, pain reports, check-ins, profile and shoes). A changed input gives a new key, so an
 * entry is never stale, only unused; several server processes each keep their own.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): void {
    if (this.entries.size >= this.maxEntries) {
      // Oldest first (a Map keeps insertion order): yesterday's entries go before today's.
      const drop = this.entries.keys().next().value;
      if (drop !== undefined) this.entries.delete(drop);
    }
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }
}
