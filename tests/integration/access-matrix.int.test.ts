import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { getSquadForCoach } from "@/lib/squads/queries";
import { createInvitation, removeMember, revokeInvitation } from "@/lib/squads/mutations";
import { getAthleteProfile } from "@/lib/profiles/queries";
import { updateOwnProfile } from "@/lib/profiles/mutations";
import { getAthleteSummary } from "@/lib/athletes/queries";
import { getCoachAthleteView } from "@/lib/athletes/coach-view";
import { getCoachEntryPage } from "@/lib/coach-entry/queries";
import { createSessionForAthlete } from "@/lib/sessions/mutations";
import { createPainReportForAthlete } from "@/lib/pain/mutations";
import { importTarget } from "@/lib/imports/target";
import { listCommentThreads } from "@/lib/athletes/comments";
import { createComment, replyToComment } from "@/lib/comments/mutations";
import { createClaimInvitation, createManagedAthlete, deleteManagedAthlete } from "@/lib/managed-athletes/mutations";
import { getAthleteLogin } from "@/lib/managed-athletes/queries";
import { buildManagedAthleteDataZip } from "@/lib/account-data/export";
import { getSquadLogWeek } from "@/lib/squad-log/queries";
import { previewSquadLog, saveSquadLogWeek } from "@/lib/squad-log/mutations";
import { mondayOf, todayIn } from "@/lib/dates";
import { setSquadWellnessCheckIn, submitWellness } from "@/lib/wellness/mutations";
import { twoSquads } from "./factories";

/** An athlete of squad A kept by its coach without a login. */
const managedOfA = async (w: World) =>
  (await createManagedAthlete(w.coachA, { squadId: w.squadA.id, name: "Kept Runner", sex: "UNDISCLOSED" })).athleteId;

type World = Awaited<ReturnType<typeof twoSquads>>;
type Who = "coachA" | "athleteA" | "athleteB" | "coachB";

/**
 * Every query and mutation that takes a viewer, tried by the squad's own coach, its athlete, an
 * athlete of another squad and a coach of another squad. "ok" must succeed; "404" must throw
 * NotFoundError and change nothing.
 */
const operations: {
  name: string;
  /** Runs before the snapshot, as the squad's own coach would have. */
  arrange?: (w: World) => Promise<string>;
  run: (w: World, v: Viewer, arranged: string) => Promise<unknown>;
  expect: Record<Who, "ok" | "404">;
}[] = [
  {
    name: "getSquadForCoach(squad A)",
    run: (w, v) => getSquadForCoach(v, w.squadA.id),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "getAthleteProfile(athlete A)",
    run: (w, v) => getAthleteProfile(v, w.athleteA.id),
    expect: { coachA: "ok", athleteA: "ok", athleteB: "404", coachB: "404" },
  },
  {
    name: "getAthleteSummary(athlete A)",
    run: (w, v) => getAthleteSummary(v, w.athleteA.id),
    expect: { coachA: "ok", athleteA: "ok", athleteB: "404", coachB: "404" },
  },
  {
    name: "getCoachAthleteView(squad A, athlete A)",
    run: (w, v) => getCoachAthleteView(v, w.squadA.id, w.athleteA.id),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "getCoachAthleteView(own squad B, athlete A) — guessing an id through one's own squad",
    run: (w, v) => getCoachAthleteView(v, w.squadB.id, w.athleteA.id),
    expect: { coachA: "404", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "createInvitation(squad A)",
    run: (w, v) => createInvitation(v, { squadId: w.squadA.id, role: "ATHLETE" }),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "revokeInvitation(an invitation of squad A)",
    arrange: async (w) => (await createInvitation(w.coachA, { squadId: w.squadA.id, role: "ATHLETE" })).invitationId,
    run: (_w, v, invitationId) => revokeInvitation(v, { invitationId }),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "getSquadLogWeek(squad A)",
    run: (w, v) => getSquadLogWeek(v, w.squadA.id, mondayOf(todayIn("UTC"))),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "saveSquadLogWeek(squad A, a run for athlete A today)",
    run: (w, v) => {
      const today = todayIn("UTC");
      return saveSquadLogWeek(v, w.squadA.id, { week: today, [`dist.${w.athleteA.id}.${today}`]: "8", [`min.${w.athleteA.id}.${today}`]: "40" });
    },
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "previewSquadLog(squad A)",
    run: (w, v) => previewSquadLog(v, w.squadA.id, new TextEncoder().encode(`Email,Date,Distance,Minutes\n${w.athleteA.email},2026-01-05,8,40\n`)),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "removeMember(athlete A from squad A)",
    run: (w, v) => removeMember(v, { squadId: w.squadA.id, userId: w.athleteA.id }),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "getCoachEntryPage(squad A, athlete A)",
    run: (w, v) => getCoachEntryPage(v, w.squadA.id, w.athleteA.id),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "createSessionForAthlete(squad A, athlete A)",
    run: (w, v) => createSessionForAthlete(v, w.squadA.id, w.athleteA.id, { type: "RUN", date: "2026-01-05", duration: "40", distance: "8" }),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "createPainReportForAthlete(squad A, athlete A)",
    run: (w, v) =>
      createPainReportForAthlete(v, w.squadA.id, w.athleteA.id, {
        zone: "LUMBAR",
        subArea: "lumbosacral",
        side: "CENTRAL",
        nrs: "3",
        timing: "AFTER_RUN",
        triggerPoint: "no",
        mechanical: "yes",
        date: "2026-01-05",
        redFlags: [],
      }),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "importTarget(squad A, athlete A)",
    run: (w, v) => importTarget(v, w.squadA.id, w.athleteA.id),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "listCommentThreads(athlete A)",
    run: (w, v) => listCommentThreads(v, w.athleteA.id),
    expect: { coachA: "ok", athleteA: "ok", athleteB: "404", coachB: "404" },
  },
  {
    name: "replyToComment(a comment of squad A's coach to athlete A)",
    arrange: async (w) => {
      const report = await db().backPainReport.create({
        data: { userId: w.athleteA.id, localDate: new Date("2026-06-14T00:00:00Z"), zone: "LUMBAR", nrs: 3 },
        select: { id: true },
      });
      return (await createComment(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteA.id, painReportId: report.id, body: "How is it?" })).id;
    },
    run: (_w, v, commentId) => replyToComment(v, { commentId, body: "Better, thanks." }),
    expect: { coachA: "ok", athleteA: "ok", athleteB: "404", coachB: "404" },
  },
  {
    name: "createManagedAthlete(squad A)",
    run: (w, v) => createManagedAthlete(v, { squadId: w.squadA.id, name: "Kept Runner", sex: "UNDISCLOSED" }),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "getAthleteLogin(squad A, an athlete of A without a login)",
    arrange: managedOfA,
    run: (w, v, athleteId) => getAthleteLogin(v, w.squadA.id, athleteId),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "createClaimInvitation(squad A, an athlete of A without a login)",
    arrange: managedOfA,
    run: (w, v, athleteId) => createClaimInvitation(v, { squadId: w.squadA.id, athleteId }),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "buildManagedAthleteDataZip(squad A, an athlete of A without a login)",
    arrange: managedOfA,
    run: (w, v, athleteId) => buildManagedAthleteDataZip(v, w.squadA.id, athleteId),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "deleteManagedAthlete(squad A, an athlete of A without a login)",
    arrange: managedOfA,
    run: (w, v, athleteId) => deleteManagedAthlete(v, { squadId: w.squadA.id, athleteId, confirm: "Kept Runner" }),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "setSquadWellnessCheckIn(squad A, on)",
    run: (w, v) => setSquadWellnessCheckIn(v, { squadId: w.squadA.id, enabled: "on" }),
    expect: { coachA: "ok", athleteA: "404", athleteB: "404", coachB: "404" },
  },
  {
    name: "submitWellness(own check-in, both squads have it on)",
    arrange: async (w) => {
      await setSquadWellnessCheckIn(w.coachA, { squadId: w.squadA.id, enabled: "on" });
      await setSquadWellnessCheckIn(w.coachB, { squadId: w.squadB.id, enabled: "on" });
      return "";
    },
    run: (_w, v) => submitWellness(v, { sleep: "2", fatigue: "2", soreness: "2", stress: "2", mood: "2", backStiffness: "2" }),
    expect: { coachA: "404", athleteA: "ok", athleteB: "ok", coachB: "404" },
  },
];

describe("access matrix: queries and mutations", () => {
  for (const op of operations) {
    for (const who of ["coachA", "athleteA", "athleteB", "coachB"] as const) {
      it(`${op.name} as ${who}: ${op.expect[who]}`, async () => {
        const world = await twoSquads();
        const arranged = op.arrange ? await op.arrange(world) : "";
        const before = await snapshot();
        const outcome = await op.run(world, world[who], arranged).then(
          () => "ok" as const,
          (e) => (e instanceof NotFoundError ? ("404" as const) : Promise.reject(e)),
        );
        expect(outcome).toBe(op.expect[who]);
        if (outcome === "404") expect(await snapshot()).toEqual(before);
      });
    }
  }

  it("updateOwnProfile writes only the viewer's own profile", async () => {
    const w = await twoSquads();
    await updateOwnProfile(w.athleteB, {
      birthDate: "1980-05-01",
      sex: "FEMALE",
      heightCm: "170",
      weightKg: "",
      footprintType: "PRONATOR",
      legLengthDiscrepancyMm: "12",
      postureLoad: ["DESK"],
      curvatureFindings: [],
      injuryHistory: "",
    });
    const a = await db().athleteProfile.findUniqueOrThrow({ where: { userId: w.athleteA.id } });
    const b = await db().athleteProfile.findUniqueOrThrow({ where: { userId: w.athleteB.id } });
    expect(a.footprintType).toBe("UNASSESSED");
    expect(b).toMatchObject({ footprintType: "PRONATOR", legLengthDiscrepancyMm: 12, heightCm: 170, weightKg: null });
  });
});

async function snapshot() {
  const prisma = db();
  const [memberships, invitations, profiles, audits, squads, wellness] = await Promise.all([
    prisma.membership.count(),
    prisma.invitation.findMany({ select: { id: true, revokedAt: true, usedAt: true }, orderBy: { id: "asc" } }),
    prisma.athleteProfile.findMany({ orderBy: { userId: "asc" } }),
    prisma.auditLog.count(),
    prisma.squad.findMany({ select: { id: true, wellnessCheckIn: true }, orderBy: { id: "asc" } }),
    prisma.wellnessEntry.count(),
  ]);
  return { memberships, invitations, profiles, audits, squads, wellness };
}

describe("every server action checks the session", () => {
  // Public entry points: they create or start a session rather than use one.
  const PUBLIC_ACTIONS = new Set(["loginAction", "signUpAction", "logoutAction", "acceptInvitationAction", "claimProfileAction", "chooseLanguageAction"]);

  function actionFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) return entry === "generated" ? [] : actionFiles(full);
      return entry === "actions.ts" ? [full] : [];
    });
  }

  it("calls requireViewer() in every non-public action", () => {
    const files = actionFiles(path.resolve(__dirname, "../../lib"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      expect(source.startsWith('"use server"')).toBe(true);
      const bodies = source.split(/\nexport async function /).slice(1);
      for (const body of bodies) {
        const name = body.slice(0, body.indexOf("("));
        if (PUBLIC_ACTIONS.has(name)) continue;
        expect(body, `${path.basename(path.dirname(file))}/${name}`).toMatch(/await requireViewer\(\)/);
      }
    }
  });
});
