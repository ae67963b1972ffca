import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitOstrcCheckIn } from "@/lib/ostrc/mutations";
import { getOwnOstrcWeek, isCheckInDue, listOstrcForEngine } from "@/lib/ostrc/queries";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { dateOnly } from "@/lib/dates";
import { evaluateFlags } from "@/lib/training-load";
import { twoSquads } from "./factories";

// Wednesday 17 June 2026; its week starts on Monday 15 June.
const WEDNESDAY = new Date("2026-06-17T12:00:00Z");
const none = { problem: "no" };

async function rows(userId: string) {
  const all = await db().ostrcResponse.findMany({ where: { userId }, orderBy: [{ weekStart: "asc" }, { zone: "asc" }] });
  return all.map((r) => ({
    weekStart: dateOnly(r.weekStart),
    localDate: dateOnly(r.localDate),
    zone: r.zone,
    q: [r.q1, r.q2, r.q3, r.q4],
    severity: r.severity,
    substantial: r.substantial,
  }));
}

describe("weekly OSTRC-O2 check-in", () => {
  it("scores each area exactly and stores it for the week's Monday", async () => {
    const { athleteA } = await twoSquads();
    const result = await submitOstrcCheckIn(
      athleteA,
      {
        cervical: none,
        dorsal: { problem: "yes", q1: "8", q2: "6", q3: "6", q4: "8" },
        lumbar: { problem: "yes", q1: "17", q2: "13", q3: "0", q4: "17" },
      },
      WEDNESDAY,
    );
    expect(result.weekStart).toBe("2026-06-15");
    expect(await rows(athleteA.id)).toEqual([
      { weekStart: "2026-06-15", localDate: "2026-06-17", zone: "CERVICAL", q: [0, 0, 0, 0], severity: 0, substantial: false },
      { weekStart: "2026-06-15", localDate: "2026-06-17", zone: "DORSAL", q: [8, 6, 6, 8], severity: 28, substantial: false },
      { weekStart: "2026-06-15", localDate: "2026-06-17", zone: "LUMBAR", q: [17, 13, 0, 17], severity: 47, substantial: true },
    ]);
    expect(await db().auditLog.count({ where: { subjectUserId: athleteA.id, action: "ostrc.submit" } })).toBe(1);
  });

  it("sets Q2 and Q3 to 25 when the athlete could not take part, whatever was sent", async () => {
    const { athleteA } = await twoSquads();
    await submitOstrcCheckIn(
      athleteA,
      { "cervical.problem": "no", "dorsal.problem": "no", "lumbar.problem": "yes", "lumbar.q1": "25", "lumbar.q2": "0", "lumbar.q3": "6", "lumbar.q4": "25" },
      WEDNESDAY,
    );
    const lumbar = (await rows(athleteA.id)).find((r) => r.zone === "LUMBAR");
    expect(lumbar).toMatchObject({ q: [25, 25, 25, 25], severity: 100, substantial: true });
  });

  it("updates the week on a second answer and starts a new week on Monday", async () => {
    const { athleteA } = await twoSquads();
    const lumbar = (q: string[]) => ({ cervical: none, dorsal: none, lumbar: { problem: "yes", q1: q[0], q2: q[1], q3: q[2], q4: q[3] } });
    await submitOstrcCheckIn(athleteA, lumbar(["8", "6", "6", "8"]), WEDNESDAY);
    await submitOstrcCheckIn(athleteA, lumbar(["17", "19", "13", "17"]), new Date("2026-06-21T20:00:00Z"));
    let all = await rows(athleteA.id);
    expect(all).toHaveLength(3);
    expect(all.find((r) => r.zone === "LUMBAR")).toMatchObject({ localDate: "2026-06-21", q: [17, 19, 13, 17], severity: 66, substantial: true });

    await submitOstrcCheckIn(athleteA, { cervical: none, dorsal: none, lumbar: none }, new Date("2026-06-22T08:00:00Z"));
    all = await rows(athleteA.id);
    expect(all).toHaveLength(6);
    expect(all.filter((r) => r.weekStart === "2026-06-22").every((r) => r.severity === 0)).toBe(true);
  });

  it("refuses an answer that is not on the questionnaire and writes nothing", async () => {
    const { athleteA } = await twoSquads();
    const error = await submitOstrcCheckIn(
      athleteA,
      { cervical: none, dorsal: none, lumbar: { problem: "yes", q1: "10", q2: "6", q3: "6" } },
      WEDNESDAY,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["lumbar.q1", "lumbar.q4"]);
    expect(await db().ostrcResponse.count()).toBe(0);
  });

  it("is due until this week's check-in is answered, in the athlete's time zone", async () => {
    const { athleteA, coachA } = await twoSquads();
    const madrid = { ...athleteA, timeZone: "Europe/Madrid" };
    expect(await isCheckInDue(madrid, WEDNESDAY)).toBe(true);
    await submitOstrcCheckIn(madrid, { cervical: none, dorsal: none, lumbar: none }, WEDNESDAY);
    expect(await isCheckInDue(madrid, WEDNESDAY)).toBe(false);
    // Sunday 23:30 UTC is already Monday in Madrid: a new week, so the check-in is due again.
    expect(await isCheckInDue(madrid, new Date("2026-06-21T23:30:00Z"))).toBe(true);
    expect(await isCheckInDue({ ...athleteA, timeZone: "UTC" }, new Date("2026-06-21T23:30:00Z"))).toBe(false);
    // Coaches answer no check-in.
    expect(await isCheckInDue(coachA, WEDNESDAY)).toBe(false);

    const week = await getOwnOstrcWeek(madrid, WEDNESDAY);
    expect(week).toMatchObject({ weekStart: "2026-06-15", weekEnd: "2026-06-21" });
    expect(week.areas.map((a) => a.zone)).toEqual(["CERVICAL", "DORSAL", "LUMBAR"]);
  });

  it("feeds the engine for the athlete and their coach only", async () => {
    const { athleteA, athleteB, coachA, coachB } = await twoSquads();
    await submitOstrcCheckIn(athleteA, { cervical: none, dorsal: none, lumbar: { problem: "yes", q1: "17", q2: "13", q3: "6", q4: "17" } }, WEDNESDAY);
    const entries = await listOstrcForEngine(coachA, athleteA.id, "2026-06-15", "2026-06-21");
    expect(entries.find((e) => e.zone === "lumbar")).toEqual({ date: "2026-06-17", zone: "lumbar", q1: 17, q2: 13, q3: 6, q4: 17 });
    const flags = evaluateFlags({ asOf: "2026-06-17", sessions: [], painReports: [], ostrc: entries });
    expect(flags.some((f) => f.id === "back-pain-rising")).toBe(true);
    for (const outsider of [athleteB, coachB]) {
      await expect(listOstrcForEngine(outsider, athleteA.id, "2026-06-15", "2026-06-21")).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
