import "server-only";
import { db } from "@/lib/db";
import { assertStaffOfAthlete, type Viewer } from "@/lib/auth/permissions";
import { getAthleteSummary } from "@/lib/athletes/queries";
import { getAthleteProfile } from "@/lib/profiles/queries";
import { getTrainingView } from "@/lib/athletes/training";
import { recordAudit } from "@/lib/audit";
import { getFlagPanel } from "@/lib/flag-reviews/panel";
import { getSafetyRecord } from "@/lib/safety/queries";
import type { ChartRange } from "@/lib/athletes/schemas";

/** What a coach or clinician sees of one athlete of one squad; the read is recorded in the audit log. */
export async function getCoachAthleteView(viewer: Viewer, squadId: string, athleteId: string, range?: ChartRange) {
  await assertStaffOfAthlete(db(), viewer, squadId, athleteId);
  const [summary, profile, training, safety] = await Promise.all([
    getAthleteSummary(viewer, athleteId),
    getAthleteProfile(viewer, athleteId),
    getTrainingView(viewer, athleteId, range),
    getSafetyRecord(viewer, athleteId),
  ]);
  const [flagPanel] = await Promise.all([
    getFlagPanel(viewer, squadId, athleteId, training),
    recordAudit({ actorId: viewer.id, squadId, subjectUserId: athleteId, action: "athlete.view" }),
  ]);
  const squadName = viewer.memberships.find((m) => m.squadId === squadId)?.squadName ?? "Squad";
  return { summary, profile, training, flagPanel, squadName, safety };
}
