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
import { setSquadWellnessCheckIn, submitWellness } from "@/lib/wellness/mutations";
import { twoSquads } from "./factories";

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
    name: "removeMember(athlete A from squad A)",
    run: (w, v) => removeMember(v, { squadId: w.squadA.id, userId: w.athleteA.id }),
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
  const PUBLIC_ACTIONS = new Set(["loginAction", "signUpAction", "logoutAction", "acceptInvitationAction"]);

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
