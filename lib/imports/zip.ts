import { crc32, inflateRawSync } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { ImportFailure } from "./errors";
import { formatMb, MAX_ARCHIVE_ENTRIES, MAX_INFLATE_RATIO, RATIO_CHECK_FROM_BYTES } from "./limits";

// Zip archives read on a budget. The central directory is read first (yauzl) and checked as a whole:
// how many entries, no name twice, no two entries sharing bytes. Then entries are inflated one at a time,
// only when asked for, each stopped by zlib itself as soon as its output passes the smallest of: the size
// the entry declares, the caller's limit, and MAX_INFLATE_RATIO times its compressed size. A declared size
// over the limit or the ratio is refused before a byte is inflated, so an archive that lies about its
// sizes, or tells the truth about absurd ones, costs at most the bytes it is allowed to produce.

export type ZipEntry = {
  name: string;
  compressedSize: number;
  declaredSize: number;
  method: number;
  crc32: number;
  encrypted: boolean;
  /** Where the entry's stored bytes begin in the archive, read from its own local header. */
  dataStart: number;
};

/** An entry that may not be inflated (too large for its kind, or a suspicious compression ratio). */
export class EntryRefused extends ImportFailure {}

/** Local file header: 30 bytes, then the name and the extra field. */
const LOCAL_HEADER_BYTES = 30;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;

function openBuffer(data: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      data,
      { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(error ?? new Error("no zip")) : resolve(zip)),
    );
  });
}

function readAllEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on("entry", (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", reject);
    zip.readEntry();
  });
}

export class ZipArchive {
  private constructor(
    private readonly data: Buffer,
    readonly entries: ZipEntry[],
  ) {}

  /**
   * Reads and checks the archive's table of contents without inflating anything. Throws ImportFailure
   * for a damaged archive, too many entries, a name listed twice, or entries that overlap.
   */
  static async open(bytes: Uint8Array, maxEntries = MAX_ARCHIVE_ENTRIES): Promise<ZipArchive> {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let zip: ZipFile;
    try {
      zip = await openBuffer(data);
    } catch {
      throw new ImportFailure("This zip archive is damaged or incomplete (its table of contents could not be read)");
    }
    if (zip.entryCount > MAX_ARCHIVE_ENTRIES) {
      zip.close();
      throw new ImportFailure(`This archive lists more than ${MAX_ARCHIVE_ENTRIES} files`);
    }
    // What the upload's other archives left (read from the archive's end record, before any entry).
    if (zip.entryCount > maxEntries) {
      zip.close();
      throw new ImportFailure(`This upload's archives list more than ${MAX_ARCHIVE_ENTRIES} files together; upload them in smaller parts`);
    }
    let raw: Entry[];
    try {
      raw = await readAllEntries(zip);
    } catch {
      zip.close();
      throw new ImportFailure("This zip archive is damaged or incomplete (its table of contents could not be read)");
    }
    // The table of contents is all yauzl is needed for: the data is sliced from the buffer below.
    zip.close();
    const layout = layoutOf(raw, data);
    if (typeof layout === "string") {
      throw new ImportFailure(`${layout}; it does not look like an archive a device or service made, so nothing in it was read`);
    }
    const entries = raw.map((e, i) => ({
      name: e.fileName,
      compressedSize: e.compressedSize,
      declaredSize: e.uncompressedSize,
      method: e.compressionMethod,
      crc32: e.crc32,
      encrypted: e.isEncrypted(),
      dataStart: layout[i],
    }));
    return new ZipArchive(data, entries);
  }

  /**
   * The entry's bytes, inflated within `limit` (and the entry's declared size and the ratio cap).
   * Throws EntryRefused when the entry may not be inflated and ImportFailure when it is damaged.
   */
  async read(entry: ZipEntry, limit: number): Promise<Uint8Array> {
    const refusal = refusalOf(entry, limit);
    if (refusal) throw new EntryRefused(refusal);
    if (entry.encrypted) throw new ImportFailure("This archive entry is password-protected");
    if (entry.method !== 0 && entry.method !== 8) throw new ImportFailure("This archive entry uses a compression method that cannot be read (only stored and deflate)");
    const compressed = this.data.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    let out: Buffer;
    if (entry.method === 0) {
      out = compressed;
    } else {
      try {
        // zlib stops as soon as the output passes this, however much the data would expand to.
        out = inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.declaredSize) });
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
          throw new ImportFailure("This archive entry expands to more than the size it declares; it was not read");
        }
        throw new ImportFailure("This archive entry is damaged and could not be unpacked");
      }
    }
    if (out.length !== entry.declaredSize || crc32(out) !== entry.crc32) {
      throw new ImportFailure("This archive entry is damaged and could not be unpacked");
    }
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }

  /** Nothing to release: the archive is a buffer, and yauzl's reader was closed after the table of contents. */
  close(): void {}
}

/** Why an entry may not be inflated at all, from its declared sizes; undefined when it may. */
export function refusalOf(entry: Pick<ZipEntry, "declaredSize" | "compressedSize">, limit: number): string | undefined {
  if (entry.declaredSize > limit) {
    return `This file expands to ${formatMb(entry.declaredSize, limit)}; the limit is ${formatMb(limit)}`;
  }
  if (entry.declaredSize >= RATIO_CHECK_FROM_BYTES && entry.declaredSize > entry.compressedSize * MAX_INFLATE_RATIO) {
    return `This file would expand ${Math.round(entry.declaredSize / Math.max(1, entry.compressedSize))} times; files that compress more than ${MAX_INFLATE_RATIO} to 1 are not unpacked`;
  }
  return undefined;
}

/**
 * Entries must each have their own bytes: no name listed twice, and no entry's header or data inside
 * another's (the trick by which a small archive makes many large files of one compressed stream). Where
 * an entry's data lies is read from its own local header, as the reader will find it.
 */
function layoutOf(entries: Entry[], data: Buffer): number[] | string {
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.fileName)) return `This archive lists ${e.fileName} more than once`;
    names.add(e.fileName);
  }
  const spans: { name: string; start: number; end: number }[] = [];
  const dataStarts: number[] = [];
  for (const e of entries) {
    const start = e.relativeOffsetOfLocalHeader;
    if (start + LOCAL_HEADER_BYTES > data.length || data.readUInt32LE(start) !== LOCAL_HEADER_SIGNATURE) {
      return `An entry of this archive (${e.fileName}) has no header where the table of contents says`;
    }
    const nameLength = data.readUInt16LE(start + 26);
    const extraLength = data.readUInt16LE(start + 28);
    const localName = data.subarray(start + LOCAL_HEADER_BYTES, start + LOCAL_HEADER_BYTES + nameLength);
    const centralName = (e as Entry & { fileNameRaw?: Buffer }).fileNameRaw;
    if (centralName && !localName.equals(centralName)) {
      return `An entry of this archive (${e.fileName}) has a different name in its header`;
    }
    const dataStart = start + LOCAL_HEADER_BYTES + nameLength + extraLength;
    const end = dataStart + e.compressedSize;
    if (end > data.length) return `An entry of this archive (${e.fileName}) runs past its end`;
    spans.push({ name: e.fileName, start, end });
    dataStarts.push(dataStart);
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) {
      return `Entries of this archive overlap (${spans[i - 1].name} and ${spans[i].name} share bytes)`;
    }
  }
  return dataStarts;
}
