import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import { canViewAthlete, type Viewer } from "@/lib/auth/permissions";
import { dateOnly } from "@/lib/dates";

export type AthleteProfileView = {
  userId: string;
  name: string;
  /** Null for an athlete kept without a login (their placeholder address is never shown). */
  email: string | null;
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

type AthleteRecordRow = {
  id: string;
  name: string;
  email: string;
  hasLogin: boolean;
  timeZone: string;
  unitPreference: "KM" | "MI";
  dataVersion: number;
  hasProfile: boolean;
  birthDate: Date | null;
  sex: string | null;
  heightCm: number | null;
  weightKg: number | null;
  footprintType: string | null;
  legLengthDiscrepancyMm: number | null;
  postureLoad: string[] | null;
  curvatureFindings: string[] | null;
  injuryHistory: string | null;
  updatedAt: Date | null;
};

/** An athlete's account and profile, as the summary, the profile card and the training view read them. */
export type AthleteRecord = {
  profile: AthleteProfileView;
  /** Whether a profile has been saved (the engine then reads its facts; otherwise it assumes none). */
  hasProfile: boolean;
  /** Moved by database triggers on every change to the data behind the athlete's flags. */
  dataVersion: number;
};

/**
 * The user and their profile in one statement, or null when there is no such user. The athlete page
 * reads it for its summary, profile card and training view; React's cache() makes that one read per
 * request (nothing else within a render changes it). Not an access check: callers check first.
 */
export const readAthleteRecord = cache(async (prisma: PrismaClient, athleteId: string): Promise<AthleteRecord | null> => {
  const rows = await prisma.$queryRaw<AthleteRecordRow[]>`
    SELECT u."id", u."name", u."email", u."hasLogin", u."timeZone", u."unitPreference"::text AS "unitPreference", u."dataVersion",
           p."userId" IS NOT NULL AS "hasProfile", p."birthDate", p."sex"::text AS "sex", p."heightCm", p."weightKg",
           p."footprintType"::text AS "footprintType", p."legLengthDiscrepancyMm", p."postureLoad"::text[] AS "postureLoad",
           p."curvatureFindings"::text[] AS "curvatureFindings", p."injuryHistory", p."updatedAt"
    FROM "User" u LEFT JOIN "AthleteProfile" p ON p."userId" = u."id"
    WHERE u."id" = ${athleteId}`;
  const r = rows[0];
  if (!r) return null;
  return {
    hasProfile: r.hasProfile,
    dataVersion: r.dataVersion,
    profile: {
      userId: r.id,
      name: r.name,
      email: r.hasLogin ? r.email : null,
      timeZone: r.timeZone,
      unitPreference: r.unitPreference,
      birthDate: r.birthDate ? dateOnly(r.birthDate) : null,
      sex: r.sex ?? "UNDISCLOSED",
      heightCm: r.heightCm,
      weightKg: r.weightKg,
      footprintType: r.footprintType ?? "UNASSESSED",
      legLengthDiscrepancyMm: r.legLengthDiscrepancyMm,
      postureLoad: r.postureLoad ?? [],
      curvatureFindings: r.curvatureFindings ?? [],
      injuryHistory: r.injuryHistory,
      updatedAt: r.updatedAt,
    },
  };
});

/** The athlete's profile for the athlete or a coach of one of their squads; 404 for anyone else. */
export async function getAthleteProfile(viewer: Viewer, athleteId: string): Promise<AthleteProfileView> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  const record = await readAthleteRecord(prisma, athleteId);
  if (!record) throw new NotFoundError("Athlete not found");
  return record.profile;
}
