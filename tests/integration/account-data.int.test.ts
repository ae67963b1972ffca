import { describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { openSession } from "@/lib/auth/sessions";
import { buildPersonalDataZip } from "@/lib/account-data/export";
import { deleteOwnAccount } from "@/lib/account-data/delete";
import { createSession } from "@/lib/sessions/mutations";
import { AppError, ValidationError } from "@/lib/errors";
import { TEST_PASSWORD, addAthlete, createSquadWithCoach, createUser, twoSquads, viewerOf } from "./factories";

const NOW = new Date("2026-06-15T12:00:00Z");

describe("personal data export", () => {
  it("holds the person's own data as JSON and CSV, and nobody else's", async () => {
    const { athleteA, athleteB } = await twoSquads();
    await createSession(athleteA, { type: "RUN", date: "2026-06-14", duration: "50", distance: "10", notes: "mine" }, NOW);
    await createSession(athleteB, { type: "RUN", date: "2026-06-14", duration: "30", distance: "5", notes: "not mine" }, NOW);
    const sid = await openSession(db(), athleteA.id, { maxAgeSeconds: 10 * 365 * 24 * 3600, ip: "203.0.113.8", userAgent: "Phone browser" });
    await openSession(db(), athleteB.id, { maxAgeSeconds: 10 * 365 * 24 * 3600, ip: "198.51.100.9" });
    const files = unzipSync(await buildPersonalDataZip(athleteA, NOW));
    expect(Object.keys(files).sort()).toEqual([
      "back-pain-reports.csv",
      "backbone-data.json",
      "ostrc-check-ins.csv",
      "planned-sessions.csv",
      "sessions.csv",
      "shoes.csv",
    ]);
    const data = JSON.parse(strFromU8(files["backbone-data.json"]));
    expect(data.account.email).toBe(athleteA.email);
    expect(JSON.stringify(data)).not.toContain("passwordHash");
    expect(data.sessions).toHaveLength(1);
    // Where they are logged in, but never a session's id (it would let the file's reader in).
    expect(data.openLogins).toEqual([expect.objectContaining({ ip: "203.0.113.8", userAgent: "Phone browser" })]);
    expect(JSON.stringify(data)).not.toContain(sid);
    const rows = parse(strFromU8(files["sessions.csv"]), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toEqual([expect.objectContaining({ local_date: "2026-06-14", type: "RUN", distance_km: "10", notes: "mine" })]);
  });
});

describe("account deletion", () => {
  it("needs the password and the word DELETE, and changes nothing otherwise", async () => {
    const { athleteA } = await twoSquads();
    const error = await deleteOwnAccount(athleteA, { password: "wrong", confirm: "delete me" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["confirm"]);
    await expect(deleteOwnAccount(athleteA, { password: "wrong", confirm: "DELETE" })).rejects.toBeInstanceOf(ValidationError);
    expect(await db().user.count({ where: { id: athleteA.id } })).toBe(1);
  });

  it("removes the athlete's data and keeps an audit entry", async () => {
    const { athleteA } = await twoSquads();
    await createSession(athleteA, { type: "RUN", date: "2026-06-14", duration: "50", distance: "10" }, NOW);
    await deleteOwnAccount(athleteA, { password: TEST_PASSWORD, confirm: "DELETE" });
    expect(await db().user.count({ where: { id: athleteA.id } })).toBe(0);
    expect(await db().trainingSession.count({ where: { userId: athleteA.id } })).toBe(0);
    expect(await db().dailyLoad.count({ where: { userId: athleteA.id } })).toBe(0);
    expect(await db().athleteProfile.count({ where: { userId: athleteA.id } })).toBe(0);
    expect(await db().auditLog.count({ where: { subjectUserId: athleteA.id, action: "account.delete" } })).toBe(1);
  });

  it("stops the only coach of a squad with athletes, and removes a coach's empty squad", async () => {
    const { coach, squad } = await createSquadWithCoach();
    await addAthlete(squad.id);
    const error = await deleteOwnAccount(await viewerOf(coach.id), { password: TEST_PASSWORD, confirm: "DELETE" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/only coach/);

    const assistant = await createUser("Assistant");
    await db().membership.create({ data: { userId: assistant.id, squadId: squad.id, role: "COACH" } });
    await deleteOwnAccount(await viewerOf(coach.id), { password: TEST_PASSWORD, confirm: "DELETE" });
    expect(await db().membership.findFirstOrThrow({ where: { userId: assistant.id, squadId: squad.id } })).toMatchObject({ isOwner: true });

    const lone = await createSquadWithCoach();
    await deleteOwnAccount(await viewerOf(lone.coach.id), { password: TEST_PASSWORD, confirm: "DELETE" });
    expect(await db().squad.count({ where: { id: lone.squad.id } })).toBe(0);
  });
});
