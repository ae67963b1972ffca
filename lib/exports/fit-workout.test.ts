import { describe, expect, it } from "vitest";
import { Decoder, Stream, type WorkoutStepMesg } from "@garmin/fitsdk";
import { unzipSync } from "fflate";
import { encodeWorkoutFit, fitText, workoutFileName, zipWorkouts, type FitWorkoutSession } from "./fit-workout";
import { workoutStepsSchema } from "@/lib/plans/workout-schemas";
import type { WorkoutEntry, WorkoutStep } from "@/lib/plans/workout-steps";

const NOW = new Date("2026-12-07T10:00:00Z");

const session = (over: Partial<FitWorkoutSession> = {}): FitWorkoutSession => ({
  id: "p1",
  date: "2026-12-08",
  type: "RUN",
  subType: null,
  title: "Track intervals",
  durationMin: 50,
  distanceKm: 9,
  targetRpe: 7,
  steps: null,
  ...over,
});

const steps = (entries: unknown): WorkoutEntry[] => workoutStepsSchema.parse(entries)!;

const INTERVALS = steps([
  { type: "warmup", duration: { kind: "time", seconds: 900 } },
  {
    type: "repeat",
    count: 6,
    steps: [
      { type: "work", duration: { kind: "distance", metres: 800 }, target: { kind: "rpe", rpe: 8 } },
      { type: "recovery", duration: { kind: "time", seconds: 120 }, note: "Jog easy" },
    ],
  },
  { type: "work", duration: { kind: "time", seconds: 1200 }, target: { kind: "pace", fastSecPerKm: 240, slowSecPerKm: 250 } },
  { type: "rest", duration: { kind: "open" } },
  { type: "cooldown", duration: { kind: "time", seconds: 600 } },
]);

function decode(bytes: Uint8Array) {
  const stream = Stream.fromByteArray(Array.from(bytes));
  expect(Decoder.isFIT(stream)).toBe(true);
  const decoder = new Decoder(stream);
  expect(decoder.checkIntegrity()).toBe(true);
  const { messages, errors } = new Decoder(Stream.fromByteArray(Array.from(bytes))).read();
  expect(errors).toEqual([]);
  return messages;
}

const INTENSITY_TO_TYPE: Record<string, WorkoutStep["type"]> = {
  warmup: "warmup",
  active: "work",
  recovery: "recovery",
  cooldown: "cooldown",
  rest: "rest",
};

/** The decoded steps read back into the app's model, repeat blocks rebuilt from their back-references. */
function readBack(mesgs: WorkoutStepMesg[]): WorkoutEntry[] {
  const out: (WorkoutEntry & { index?: number })[] = [];
  const plain = (m: WorkoutStepMesg): WorkoutStep => ({
    type: INTENSITY_TO_TYPE[String(m.intensity)],
    duration:
      m.durationType === "time"
        ? { kind: "time", seconds: Number(m.durationTime) }
        : m.durationType === "distance"
          ? { kind: "distance", metres: Number(m.durationDistance) }
          : { kind: "open" },
    target:
      m.targetType === "speed"
        ? { kind: "pace", fastSecPerKm: Math.round(1000 / Number(m.customTargetSpeedHigh)), slowSecPerKm: Math.round(1000 / Number(m.customTargetSpeedLow)) }
        : /RPE (\d+)/.test(String(m.wktStepName))
          ? { kind: "rpe", rpe: Number(/RPE (\d+)/.exec(String(m.wktStepName))![1]) }
          : null,
    note: m.notes ? String(m.notes).replace(/^RPE \d+( - )?/, "") || null : null,
  });
  const byIndex = new Map<number, number>();
  for (const m of mesgs) {
    if (m.durationType === "repeatUntilStepsCmplt") {
      const from = byIndex.get(Number(m.durationStep))!;
      const children = out.splice(from) as WorkoutStep[];
      out.push({ type: "repeat", count: Number(m.repeatSteps), steps: children } as WorkoutEntry);
      continue;
    }
    byIndex.set(Number(m.messageIndex), out.length);
    out.push(plain(m));
  }
  return out;
}

describe("FIT workout files", () => {
  it("round-trips a structured session step for step: types, durations, targets, repeats and names", () => {
    const messages = decode(encodeWorkoutFit(session({ steps: INTERVALS }), { now: NOW }));
    expect(messages.fileIdMesgs).toEqual([expect.objectContaining({ type: "workout", manufacturer: "development", timeCreated: NOW })]);
    expect(messages.workoutMesgs).toEqual([expect.objectContaining({ wktName: "Track intervals", sport: "running", numValidSteps: 7 })]);
    const mesgs = messages.workoutStepMesgs!;
    expect(mesgs).toHaveLength(7);
    expect(mesgs.map((m) => m.messageIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Raw values as the profile defines them: ms, cm, and mm/s.
    expect(mesgs[0]).toMatchObject({ wktStepName: "Warm-up", durationType: "time", durationValue: 900_000, targetType: "open", intensity: "warmup" });
    expect(mesgs[1]).toMatchObject({ wktStepName: "Work RPE 8", durationType: "distance", durationValue: 80_000, targetType: "open", intensity: "active", notes: "RPE 8" });
    expect(mesgs[2]).toMatchObject({ wktStepName: "Recovery", durationType: "time", durationValue: 120_000, intensity: "recovery", notes: "Jog easy" });
    expect(mesgs[3]).toMatchObject({ durationType: "repeatUntilStepsCmplt", durationStep: 1, repeatSteps: 6 });
    expect(mesgs[4]).toMatchObject({ durationType: "time", targetType: "speed", customTargetValueLow: 4000, customTargetValueHigh: 4167 });
    expect(mesgs[5]).toMatchObject({ durationType: "open", intensity: "rest" });
    expect(mesgs[6]).toMatchObject({ durationType: "time", durationValue: 600_000, intensity: "cooldown" });
    expect(readBack(mesgs)).toEqual(INTERVALS);
  });

  it("keeps repeat blocks apart: each loops back to its own first step", () => {
    const two = steps([
      { type: "repeat", count: 3, steps: [{ type: "work", duration: { kind: "time", seconds: 60 } }] },
      {
        type: "repeat",
        count: 2,
        steps: [
          { type: "work", duration: { kind: "distance", metres: 400 } },
          { type: "rest", duration: { kind: "time", seconds: 90 } },
        ],
      },
    ]);
    const mesgs = decode(encodeWorkoutFit(session({ steps: two }), { now: NOW })).workoutStepMesgs!;
    expect(mesgs.filter((m) => m.durationType === "repeatUntilStepsCmplt").map((m) => [m.messageIndex, m.durationStep, m.repeatSteps])).toEqual([
      [1, 0, 3],
      [4, 2, 2],
    ]);
    expect(readBack(mesgs)).toEqual(two);
  });

  it("sends a session without steps as one step of its planned duration", () => {
    const messages = decode(encodeWorkoutFit(session({ title: null, steps: null, durationMin: 45, targetRpe: 6 }), { now: NOW }));
    expect(messages.workoutMesgs![0]).toMatchObject({ wktName: "Run 9 km 12-08", numValidSteps: 1 });
    expect(messages.workoutStepMesgs).toEqual([
      expect.objectContaining({ durationType: "time", durationValue: 45 * 60_000, targetType: "open", intensity: "active", notes: "RPE 6" }),
    ]);
  });

  it("names the sport after the session type", () => {
    const sport = (over: Partial<FitWorkoutSession>) => decode(encodeWorkoutFit(session(over), { now: NOW })).workoutMesgs![0];
    expect(sport({ type: "CROSS_TRAINING", subType: "CYCLING" })).toMatchObject({ sport: "cycling" });
    expect(sport({ type: "CROSS_TRAINING", subType: "SWIMMING" })).toMatchObject({ sport: "swimming" });
    expect(sport({ type: "CROSS_TRAINING", subType: "ELLIPTICAL" })).toMatchObject({ sport: "fitnessEquipment", subSport: "elliptical" });
    expect(sport({ type: "CORE" })).toMatchObject({ sport: "training", subSport: "strengthTraining" });
    expect(sport({ type: "MOBILITY" })).toMatchObject({ sport: "training", subSport: "flexibilityTraining" });
  });

  it("cuts names to whole characters within the field's room", () => {
    expect(fitText("Zoë's 10 × 400 m on the track, relaxed", 12)).toBe("Zoë's 10 ×");
    expect(Buffer.byteLength(fitText("ééééééééé", 5))).toBeLessThanOrEqual(5);
    const long = decode(encodeWorkoutFit(session({ title: "x".repeat(80) }), { now: NOW }));
    expect(long.workoutMesgs![0].wktName).toBe("x".repeat(40));
  });

  it("names files in safe ASCII, and zips a week with one file per session", () => {
    expect(workoutFileName(session({ title: "Zoë's séance: 6 × 800 m / piste" }))).toBe("backbone-workout-2026-12-08-zoe-s-seance-6-800-m-piste");
    const zip = unzipSync(
      zipWorkouts(
        [session({ id: "a", steps: INTERVALS }), session({ id: "b", title: "Track intervals" }), session({ id: "c", date: "2026-12-10", title: null, type: "CORE", durationMin: 25, distanceKm: null })],
        { now: NOW },
      ),
    );
    expect(Object.keys(zip)).toEqual([
      "backbone-workout-2026-12-08-track-intervals.fit",
      "backbone-workout-2026-12-08-track-intervals-2.fit",
      "backbone-workout-2026-12-10-core-25-min.fit",
    ]);
    for (const bytes of Object.values(zip)) expect(decode(bytes).workoutMesgs).toHaveLength(1);
    expect(decode(zip["backbone-workout-2026-12-08-track-intervals.fit"]).workoutStepMesgs).toHaveLength(7);
  });
});
