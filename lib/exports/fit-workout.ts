import { Encoder, Profile, type FileIdMesg, type Types, type WorkoutMesg, type WorkoutStepMesg } from "@garmin/fitsdk";
import { zipSync } from "fflate";
import { plannedSessionTitle } from "@/lib/calendar/ics";
import type { PlannedRow } from "@/lib/plans/queries";
import type { StepTarget, WorkoutEntry, WorkoutStep } from "@/lib/plans/workout-steps";
import { STEP_TYPE_LABELS } from "@/lib/plans/workout-steps";
import { fileSlug } from "./http";

// A planned session as a FIT workout file (Garmin's FIT protocol, file type "workout"), which watches
// and bike computers of most makers load as a guided session. Field values are written raw, as the
// profile stores them: the encoder ignores subfields such as duration_time, so times go in as ms in
// duration_value, distances as cm, and speeds as mm/s in custom_target_value_low/high.

/** What the encoder needs of a planned session. */
export type FitWorkoutSession = Pick<PlannedRow, "id" | "date" | "type" | "subType" | "title" | "durationMin" | "distanceKm" | "targetRpe" | "steps">;

type Sport = { sport: Types.Sport; subSport: Types.SubSport };

const SPORTS: Record<string, Sport> = {
  RUN: { sport: "running", subSport: "generic" },
  CORE: { sport: "training", subSport: "strengthTraining" },
  STRENGTH: { sport: "training", subSport: "strengthTraining" },
  MOBILITY: { sport: "training", subSport: "flexibilityTraining" },
  OTHER: { sport: "generic", subSport: "generic" },
};

const CROSS_TRAINING_SPORTS: Record<string, Sport> = {
  CYCLING: { sport: "cycling", subSport: "generic" },
  SWIMMING: { sport: "swimming", subSport: "generic" },
  ELLIPTICAL: { sport: "fitnessEquipment", subSport: "elliptical" },
  ROWING: { sport: "rowing", subSport: "generic" },
  AQUA_JOGGING: { sport: "generic", subSport: "generic" },
  OTHER: { sport: "generic", subSport: "generic" },
};

/** The FIT sport of a session: running, cycling, swimming, strength training and so on. */
export function fitSport(session: Pick<FitWorkoutSession, "type" | "subType">): Sport {
  if (session.type === "CROSS_TRAINING") return CROSS_TRAINING_SPORTS[session.subType ?? "OTHER"] ?? CROSS_TRAINING_SPORTS.OTHER;
  return SPORTS[session.type] ?? SPORTS.OTHER;
}

const INTENSITY: Record<WorkoutStep["type"], Types.Intensity> = {
  warmup: "warmup",
  work: "active",
  recovery: "recovery",
  cooldown: "cooldown",
  rest: "rest",
};

/**
 * Text cut to a FIT string field's room, whole characters only: the field's size is one byte, and
 * watches show a few dozen characters at most.
 */
export function fitText(value: string, maxBytes: number): string {
  let out = "";
  let bytes = 0;
  for (const ch of value) {
    const size = Buffer.byteLength(ch, "utf8");
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out.trim();
}

const targetFields = (target: StepTarget | null): WorkoutStepMesg => {
  if (target?.kind !== "pace") return { targetType: "open" };
  // A pace range is a speed range: the slow pace is the low speed. Speeds in mm/s.
  return {
    targetType: "speed",
    targetValue: 0,
    customTargetValueLow: Math.round(1_000_000 / target.slowSecPerKm),
    customTargetValueHigh: Math.round(1_000_000 / target.fastSecPerKm),
  };
};

const durationFields = (step: WorkoutStep): WorkoutStepMesg => {
  if (step.duration.kind === "time") return { durationType: "time", durationValue: step.duration.seconds * 1000 };
  if (step.duration.kind === "distance") return { durationType: "distance", durationValue: step.duration.metres * 100 };
  return { durationType: "open" };
};

function stepMesg(step: WorkoutStep, messageIndex: number): WorkoutStepMesg {
  // An effort target has no FIT type: the watch shows it in the step's name and notes.
  const rpe = step.target?.kind === "rpe" ? `RPE ${step.target.rpe}` : null;
  const notes = [rpe, step.note].filter(Boolean).join(" - ");
  return {
    messageIndex,
    wktStepName: fitText([STEP_TYPE_LABELS[step.type], rpe].filter(Boolean).join(" "), 32),
    ...durationFields(step),
    ...targetFields(step.target),
    intensity: INTENSITY[step.type],
    ...(notes ? { notes: fitText(notes, 120) } : {}),
  };
}

/** The session's steps, or one open step of its planned duration when it has none. */
export function sessionSteps(session: FitWorkoutSession): WorkoutEntry[] {
  if (session.steps?.length) return session.steps;
  const seconds = Math.round(session.durationMin * 60);
  return [
    {
      type: "work",
      duration: seconds >= 1 ? { kind: "time", seconds } : { kind: "open" },
      target: session.targetRpe != null && session.targetRpe >= 1 ? { kind: "rpe", rpe: session.targetRpe } : null,
      note: null,
    },
  ];
}

/** A planned session as the bytes of a FIT workout file. */
export function encodeWorkoutFit(session: FitWorkoutSession, options: { now: Date }): Uint8Array {
  const mesgs: WorkoutStepMesg[] = [];
  for (const entry of sessionSteps(session)) {
    if (entry.type !== "repeat") {
      mesgs.push(stepMesg(entry, mesgs.length));
      continue;
    }
    const first = mesgs.length;
    for (const step of entry.steps) mesgs.push(stepMesg(step, mesgs.length));
    // Back to the block's first step until it has run `count` times.
    mesgs.push({ messageIndex: mesgs.length, durationType: "repeatUntilStepsCmplt", durationValue: first, targetValue: entry.count });
  }
  const { sport, subSport } = fitSport(session);
  const encoder = new Encoder();
  const fileId: FileIdMesg = { type: "workout", manufacturer: "development", product: 0, timeCreated: options.now };
  const workout: WorkoutMesg = { wktName: fitText(workoutName(session), 40), sport, subSport, numValidSteps: mesgs.length };
  encoder.onMesg(Profile.MesgNum.FILE_ID, fileId);
  encoder.onMesg(Profile.MesgNum.WORKOUT, workout);
  for (const mesg of mesgs) encoder.onMesg(Profile.MesgNum.WORKOUT_STEP, mesg);
  return encoder.close();
}

/** The name a watch lists the workout under: the coach's title, or what the session is and its day. */
export function workoutName(session: FitWorkoutSession): string {
  return session.title ?? `${plannedSessionTitle({ ...session, title: null })} ${session.date.slice(5)}`;
}

/** "backbone-workout-2026-12-08-intervals": safe ASCII, dated, named after the session. */
export function workoutFileName(session: FitWorkoutSession): string {
  return `backbone-workout-${session.date}-${fileSlug(session.title ?? plannedSessionTitle({ ...session, title: null }))}`;
}

/**
 * One FIT file per session, zipped, named so they sort by day; two sessions with the same name on one
 * day get a number.
 */
export function zipWorkouts(sessions: readonly FitWorkoutSession[], options: { now: Date }): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const session of sessions) {
    const base = workoutFileName(session);
    let name = `${base}.fit`;
    for (let n = 2; name in files; n++) name = `${base}-${n}.fit`;
    files[name] = [encodeWorkoutFit(session, options), { mtime: options.now }];
  }
  return zipSync(files, { level: 6 });
}
