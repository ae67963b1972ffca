import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { canViewAthlete, type Viewer } from "@/lib/auth/permissions";
import { dateOnly } from "@/lib/dates";

export type AthleteProfileView = {
  userId: string;
  name: string;
  email: string;
  timeZone: string;
  unitPreference: "KM" | "MI";
  birthDate: string | null;
  sex: string;
  heightCm: number | null;
  weightKg: number | null;
  footprintType: string;
  legLengthDiscrepancyMm: number | null;
  postureLoad: string[];
  curvatureFindings: string[];
  injuryHistory: string | null;
  updatedAt: Date | null;
};

/** The athlete's profile for the athlete or a coach of one of their squads; 404 for anyone else. */
export async function getAthleteProfile(viewer: Viewer, athleteId: string): Promise<AthleteProfileView> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  const user = await prisma.user.findUnique({
    where: { id: athleteId },
    select: {
      id: true,
      name: true,
      email: true,
      timeZone: true,
      unitPreference: true,
      profile: {
        select: {
          birthDate: true,
          sex: true,
          heightCm: true,
          weightKg: true,
          footprintType: true,
          legLengthDiscrepancyMm: true,
          postureLoad: true,
          curvatureFindings: true,
          injuryHistory: true,
          updatedAt: true,
        },
      },
    },
  });
  if (!user) throw new NotFoundError("Athlete not found");
  const p = user.profile;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    timeZone: user.timeZone,
    unitPreference: user.unitPreference,
    birthDate: p?.birthDate ? dateOnly(p.birthDate) : null,
    sex: p?.sex ?? "UNDISCLOSED",
    heightCm: p?.heightCm ?? null,
    weightKg: p?.weightKg ?? null,
    footprintType: p?.footprintType ?? "UNASSESSED",
    legLengthDiscrepancyMm: p?.legLengthDiscrepancyMm ?? null,
    postureLoad: p?.postureLoad ?? [],
    curvatureFindings: p?.curvatureFindings ?? [],
    injuryHistory: p?.injuryHistory ?? null,
    updatedAt: p?.updatedAt ?? null,
  };
}
