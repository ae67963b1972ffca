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
    const first = await takePreviewSlot(db(), a.id);
    const second = await takePreviewSlot(db(), a.id);
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(await takePreviewSlot(db(), a.id)).toBeNull();
    // Someone else is not held up.
    expect(await takePreviewSlot(db(), b.id)).not.toBeNull();
    await releasePreviewSlot(db(), first!);
    expect(await takePreviewSlot(db(), a.id)).not.toBeNull();
    expect(await takePreviewSlot(db(), a.id)).toBeNull();
  });

  it("hands out exactly two of many simultaneous requests", async () => {
    const a = await createUser();
    const results = await Promise.all(Array.from({ length: 8 }, () => takePreviewSlot(db(), a.id)));
    expect(results.filter((r) => r !== null)).toHaveLength(2);
  });

  it("free a slot whose preview died without releasing it, and only that one", async () => {
    const a = await createUser();
    const dead = await takePreviewSlot(db(), a.id);
    await takePreviewSlot(db(), a.id);
    await db().$executeRaw`UPDATE "RateLimit" SET "windowStart" = "windowStart" - interval '6 minutes' WHERE "key" = ${dead!.key}`;
    const taken = await takePreviewSlot(db(), a.id);
    expect(taken?.key).toBe(dead!.key);
    expect(await takePreviewSlot(db(), a.id)).toBeNull();
    // The dead preview's late release does not free the slot its successor holds.
    await releasePreviewSlot(db(), dead!);
    expect(await takePreviewSlot(db(), a.id)).toBeNull();
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
