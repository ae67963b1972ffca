import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { getCoachAthleteView } from "@/lib/athletes/coach-view";
import { createSession } from "@/lib/sessions/mutations";
import { updateSquadThresholds } from "@/lib/thresholds/mutations";
import { AUDIT_PAGE_SIZE, listSquadAudit } from "@/lib/audit-view/queries";
import { twoSquads } from "./factories";

const NOW = new Date("2026-06-15T12:00:00Z");

describe("squad audit view", () => {
  it("lists who viewed or changed the squad's athletes' data, newest first, and nothing of other squads", async () => {
    const w = await twoSquads();
    await getCoachAthleteView(w.coachA, w.squadA.id, w.athleteA.id);
    await createSession(w.athleteA, { type: "RUN", date: "2026-06-14", duration: "40", distance: "8" }, NOW);
    await updateSquadThresholds(w.coachA, { squadId: w.squadA.id, compensatoryMinRuns: "4" });
    // Squad B's own traffic.
    await getCoachAthleteView(w.coachB, w.squadB.id, w.athleteB.id);
    await createSession(w.athleteB, { type: "RUN", date: "2026-06-14", duration: "40", distance: "8" }, NOW);
    // Account security events are not health data.
    await recordAudit({ actorId: w.athleteA.id, subjectUserId: w.athleteA.id, action: "account.password-changed" });

    const audit = await listSquadAudit(w.coachA, w.squadA.id);
    expect(audit.rows.map((r) => [r.actor, r.action, r.athlete])).toEqual([
      [w.coachA.name, "Changed the squad's flag thresholds", null],
      [w.athleteA.name, "Logged a session", w.athleteA.name],
      [w.coachA.name, "Viewed the athlete's page", w.athleteA.name],
    ]);
    expect(audit).toMatchObject({ page: 1, pageCount: 1, total: 3 });
    const text = JSON.stringify(audit);
    expect(text).not.toContain(w.athleteB.name);
    expect(text).not.toContain(w.coachB.name);
  });

  it("names deleted accounts and pages through long logs", async () => {
    const w = await twoSquads();
    const gone = await db().user.create({ data: { name: "Gone Coach", email: "gone@example.test", passwordHash: "x" }, select: { id: true } });
    await recordAudit({ actorId: gone.id, squadId: w.squadA.id, subjectUserId: "deleted-athlete-id", action: "athlete.view" });
    await db().user.delete({ where: { id: gone.id } });
    const start = Date.parse("2026-01-01T00:00:00Z");
    await db().auditLog.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({
        actorId: w.coachA.id,
        squadId: w.squadA.id,
        subjectUserId: w.athleteA.id,
        action: "athlete.view",
        createdAt: new Date(start + i * 60_000),
      })),
    });

    const first = await listSquadAudit(w.coachA, w.squadA.id, 1);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: AUDIT_PAGE_SIZE + 6 });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    const times = first.rows.map((r) => r.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const second = await listSquadAudit(w.coachA, w.squadA.id, 2);
    expect(second.rows).toHaveLength(6);
    expect(second.rows.at(-1)!.at.getTime()).toBe(start);
    const deleted = [...first.rows, ...second.rows].find((r) => r.actor === "deleted account");
    expect(deleted).toMatchObject({ athlete: "deleted account", action: "Viewed the athlete's page" });
    // Past the last page: the last page.
    expect((await listSquadAudit(w.coachA, w.squadA.id, 99)).page).toBe(2);
    expect((await listSquadAudit(w.coachA, w.squadA.id, -3)).page).toBe(1);
  });

  it("is for the squad's coaches only", async () => {
    const w = await twoSquads();
    for (const v of [w.athleteA, w.athleteB, w.coachB]) {
      await expect(listSquadAudit(v, w.squadA.id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
