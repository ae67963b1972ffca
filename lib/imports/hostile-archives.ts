// Hostile zip archives for tests and the archive benchmark: small uploads built to cost a server seconds of
// CPU or hundreds of megabytes if it inflated what they describe. Built byte by byte, because no honest
// zip writer makes them.
import { createDeflateRaw, createGzip, crc32, deflateRawSync, gzipSync } from "node:zlib";
import { zipSync } from "fflate";

const MB = 1024 * 1024;

type RawEntry = {
  name: string;
  /** The entry's data as stored (deflated unless method is 0). */
  data: Uint8Array;
  method: 0 | 8;
  declaredSize: number;
  crc: number;
};

/**
 * A zip of the given entries. `pointAt[i] = j` makes central directory entry i point at entry j's local
 * header and data (entries pointing elsewhere have no data of their own).
 */
export function buildZip(entries: RawEntry[], pointAt: Record<number, number> = {}): Uint8Array {
  const locals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    if (pointAt[i] !== undefined) {
      offsets.push(-1);
      return;
    }
    const name = Buffer.from(e.name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x800, 6);
    header.writeUInt16LE(e.method, 8);
    header.writeUInt32LE(e.crc >>> 0, 14);
    header.writeUInt32LE(e.data.length, 18);
    header.writeUInt32LE(e.declaredSize >>> 0, 22);
    header.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    locals.push(header, name, Buffer.from(e.data));
    offset += 30 + name.length + e.data.length;
  });
  const central: Buffer[] = [];
  let centralSize = 0;
  entries.forEach((e, i) => {
    const target = pointAt[i] ?? i;
    const src = entries[target];
    const name = Buffer.from(e.name, "utf8");
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x800, 8);
    header.writeUInt16LE(src.method, 10);
    header.writeUInt32LE(src.crc >>> 0, 16);
    header.writeUInt32LE(src.data.length, 20);
    header.writeUInt32LE(e.declaredSize >>> 0, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offsets[target], 42);
    central.push(header, name);
    centralSize += 46 + name.length;
  });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...central, end]));
}

/** Deflates `size` zero bytes without holding them: about 1 MB per GiB. */
export async function deflatedZeros(size: number, format: "raw" | "gzip" = "raw"): Promise<{ data: Uint8Array; crc: number }> {
  const chunk = Buffer.alloc(Math.min(size, 4 * MB));
  let crc = 0;
  const out: Buffer[] = [];
  const deflate = format === "gzip" ? createGzip({ level: 9 }) : createDeflateRaw({ level: 9 });
  deflate.on("data", (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.once("end", resolve);
    deflate.once("error", reject);
  });
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return { data: new Uint8Array(Buffer.concat(out)), crc };
}

export type HostileArchive = { name: string; description: string; bytes: Uint8Array };

let cached: Promise<HostileArchive[]> | undefined;

/** The archives of the security review: each must be refused quickly, with little memory. */
export function hostileArchives(): Promise<HostileArchive[]> {
  cached ??= (async () => {
    const gib = await deflatedZeros(1024 * MB);
    const mb99 = await deflatedZeros(99 * MB);
    const small = deflateRawSync(Buffer.from("<gpx></gpx>"));
    const gzBomb = await deflatedZeros(1024 * MB, "gzip");
    return [
      {
        name: "run.fit.gz",
        description: "a gzipped activity file of about 1 MB that inflates to 1 GiB",
        bytes: gzBomb.data,
      },
      {
        name: "liar.zip",
        description: "one entry declaring 1,000 bytes that inflates to 1 GiB",
        bytes: buildZip([{ name: "run.gpx", data: gib.data, method: 8, declaredSize: 1000, crc: gib.crc }]),
      },
      {
        name: "overlap.zip",
        description: "five directory entries pointing at one deflate stream of 1 GiB",
        bytes: buildZip(
          [0, 1, 2, 3, 4].map((i) => ({ name: `run${i}.gpx`, data: gib.data, method: 8 as const, declaredSize: 1024 * MB, crc: gib.crc })),
          { 1: 0, 2: 0, 3: 0, 4: 0 },
        ),
      },
      {
        name: "five-99mb.zip",
        description: "five entries of 99 MB each, truthfully declared",
        bytes: buildZip([0, 1, 2, 3, 4].map((i) => ({ name: `run${i}.fit`, data: mb99.data, method: 8 as const, declaredSize: 99 * MB, crc: mb99.crc }))),
      },
      {
        name: "five-99mb-zips.zip",
        description: "five inner archives of 99 MB each, truthfully declared",
        bytes: buildZip([0, 1, 2, 3, 4].map((i) => ({ name: `part${i}.zip`, data: mb99.data, method: 8 as const, declaredSize: 99 * MB, crc: mb99.crc }))),
      },
      {
        name: "nested-entries.zip",
        description: "ten inner archives listing 20,000 files each",
        bytes: (() => {
          const many: Record<string, Uint8Array> = {};
          for (let i = 0; i < 20_000; i++) many[`f${i}.gpx`] = new Uint8Array(0);
          const inner = zipSync(many, { level: 0 });
          const outer: Record<string, Uint8Array> = {};
          for (let i = 0; i < 10; i++) outer[`part${i}.zip`] = inner;
          return zipSync(outer, { level: 9 });
        })(),
      },
      {
        name: "gz-bombs.zip",
        description: "5,000 small .fit.gz files, each expanding 1,000 times",
        bytes: (() => {
          const bomb = new Uint8Array(gzipSync(Buffer.alloc(2 * MB), { level: 9 }));
          const files: Record<string, Uint8Array> = {};
          for (let i = 0; i < 5_000; i++) files[`x${i}.fit.gz`] = bomb;
          return zipSync(files, { level: 0 });
        })(),
      },
      {
        name: "repeated.zip",
        description: "one name listed twice",
        bytes: buildZip([
          { name: "run.gpx", data: small, method: 8, declaredSize: 11, crc: crc32("<gpx></gpx>") },
          { name: "run.gpx", data: small, method: 8, declaredSize: 11, crc: crc32("<gpx></gpx>") },
        ]),
      },
    ];
  })();
  return cached;
}
