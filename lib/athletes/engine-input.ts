import type {
  EngineProfile,
  EngineSession,
  FootprintType,
  PostureLoad,
  SessionType,
  Surface,
} from "@/lib/training-load";
import { dateOnly } from "@/lib/dates";

// Database enums are upper case; the engine speaks lower-case ids. These are the only crossings.

/** A training session as the database gives it (enums as text), the engine's input. */
export type SessionRow = {
  id: string;
  /** A @db.Date value, or its "YYYY-MM-DD" string when read as one. */
  localDate: Date | string;
  type: string;
  durationMin: number;
  distanceKm: number | null;
  rpe: number | null;
  surface: string | null;
  shoeId: string | null;
};

export function toEngineSession(row: SessionRow): EngineSession {
  return {
    id: row.id,
    date: typeof row.localDate === "string" ? row.localDate : dateOnly(row.localDate),
    type: row.type as SessionType,
    durationMin: row.durationMin,
    distanceKm: row.distanceKm,
    rpe: row.rpe,
    surface: row.surface ? (row.surface.toLowerCase() as Surface) : null,
    shoeId: row.shoeId,
  };
}

export function toEngineProfile(
  profile: {
    /** A @db.Date value, or its "YYYY-MM-DD" string. */
    birthDate: Date | string | null;
    footprintType: string;
    legLengthDiscrepancyMm: number | null;
    postureLoad: string[];
  } | null,
  retiredShoeIds: string[],
  shoeKmBefore: Record<string, number> = {},
): EngineProfile {
  return {
    birthDate: profile?.birthDate ? (typeof profile.birthDate === "string" ? profile.birthDate : dateOnly(profile.birthDate)) : null,
    footprintType: (profile?.footprintType.toLowerCase() ?? "unassessed") as FootprintType,
    legLengthDiscrepancyMm: profile?.legLengthDiscrepancyMm ?? null,
    postureLoad: (profile?.postureLoad ?? []).map((p) => p.toLowerCase() as PostureLoad),
    retiredShoeIds,
    shoeKmBefore,
  };
}
