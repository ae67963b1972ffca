import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { releasePreviewSlot, takePreviewSlot } from "@/lib/imports/in-flight";
import { previewImport } from "@/lib/imports/store";
import { hostileArchives } from "@/lib/imports/hostile-archives";
import { createUser } from "./factories";

describe("import previews in flight", () => {
  it("are at most two per person, counted across processes in the database", async () => {
    const a = await createUser();
    const b = await createUser();
    expect(await takePreviewSlot(db(), a.id)).toBe(true);
    expect(await takePreviewSlot(db(), a.id)).toBe(true);
    expect(await takePreviewSlot(db(), a.id)).toBe(false);
    // Someone else is not held up.
    expect(await takePreviewSlot(db(), b.id)).toBe(true);
    await releasePreviewSlot(db(), a.id);
    expect(await takePreviewSlot(db(), a.id)).toBe(true);
  });

  it("hands out exactly two of many simultaneous requests", async () => {
    const a = await createUser();
    const results = await Promise.all(Array.from({ length: 8 }, () => takePreviewSlot(db(), a.id)));
    expect(results.filter(Boolean)).toHaveLength(2);
  });

  it("stop counting a slot whose preview died without releasing it", async () => {
    const a = await createUser();
    await takePreviewSlot(db(), a.id);
    await takePreviewSlot(db(), a.id);
    await db().$executeRaw`UPDATE "RateLimit" SET "updatedAt" = now() - interval '6 minutes' WHERE "key" = ${`import-preview:${a.id}`}`;
    expect(await takePreviewSlot(db(), a.id)).toBe(true);
  });
});

describe("hostile archives in a preview", () => {
  it("are rejected with their reasons and leave nothing to commit", { timeout: 60_000 }, async () => {
    const user = await createUser();
    const files = (await hostileArchives()).map((a) => ({ name: a.name, bytes: a.bytes }));
    const preview = await previewImport(db(), user.id, files.slice(0, 3), "UTC");
    expect(preview.counts.create).toBe(0);
    expect(preview.items.every((i) => i.status === "rejected")).toBe(true);
    expect(await db().trainingSession.count({ where: { userId: user.id } })).toBe(0);
  });
});
