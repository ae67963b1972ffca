import { describe, expect, it } from "vitest";
import {
  checkWorkout,
  describeWorkout,
  MAX_STEPS_TEXT,
  parsePace,
  parseStepTime,
  paceText,
  stepTimeText,
  workoutTotals,
  type WorkoutEntry,
  type WorkoutWords,
} from "./workout-steps";
import { postedStepsSchema, workoutStepsSchema } from "./workout-schemas";
import { INTERVALS } from "./workout-steps.test-data";
import { translatorFor } from "@/lib/i18n/catalogue";

const english = translatorFor("en", "workoutSteps") as unknown as WorkoutWords;
const spanish = translatorFor("es", "workoutSteps") as unknown as WorkoutWords;


const parse = (value: unknown) => workoutStepsSchema.safeParse(value);
const messages = (value: unknown) => {
  const result = parse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};
const work = (over: Record<string, unknown> = {}) => ({ type: "work", duration: { kind: "time", seconds: 60 }, ...over });

describe("workout steps: what is accepted", () => {
  it("accepts the interval session and fills the optional fields", () => {
    const result = parse(INTERVALS);
    expect(result.success).toBe(true);
    expect(result.data![0]).toEqual({ type: "warmup", duration: { kind: "time", seconds: 900 }, target: null, note: null });
  });

  it("takes no steps as no workout", () => {
    expect(parse([]).data).toBeNull();
    expect(postedStepsSchema.parse("")).toBeNull();
    expect(postedStepsSchema.parse(JSON.stringify(INTERVALS))).toHaveLength(3);
  });

  it("refuses text that is not JSON with a message for the field", () => {
    const result = postedStepsSchema.safeParse("[{not json");
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toMatch(/could not be read/);
  });

  it("reads at most MAX_STEPS_TEXT characters, which the largest workout the editor writes stays well under", () => {
    const note = '"\\'.repeat(30);
    const step = { type: "recovery", duration: { kind: "time", seconds: 10 }, target: { kind: "pace", fastSecPerKm: 1200, slowSecPerKm: 1200 }, note };
    // 5 blocks of 9 steps: 50 steps for a watch, 45 of them in full.
    const largest = Array.from({ length: 5 }, () => ({
      type: "repeat",
      count: 1,
      steps: Array.from({ length: 9 }, () => step),
    }));
    const text = JSON.stringify(largest);
    expect(text.length).toBeLessThan(MAX_STEPS_TEXT / 2);
    expect(postedStepsSchema.safeParse(text).success).toBe(true);

    const started = Date.now();
    for (const hostile of [`[${"[".repeat(500_000)}${"]".repeat(500_000)}]`, `[${Array(300_000).fill("{}").join(",")}]`, `${text}${" ".repeat(MAX_STEPS_TEXT)}`]) {
      const result = postedStepsSchema.safeParse(hostile);
      expect(result.error?.issues.map((i) => i.message)).toEqual(["The workout steps are too long to read: remove some steps and save again"]);
    }
    expect(Date.now() - started).toBeLessThan(50);
  });

  it("refuses deep nesting, prototype keys and numbers JSON cannot hold", () => {
    const deep = `[{"type":"repeat","count":2,"steps":${"[".repeat(5000)}${"]".repeat(5000)}}]`;
    expect(postedStepsSchema.safeParse(deep).success).toBe(false);
    const proto = postedStepsSchema.parse('[{"type":"work","__proto__":{"polluted":1},"duration":{"kind":"time","seconds":60},"constructor":"x"}]');
    expect(proto).toEqual([{ type: "work", duration: { kind: "time", seconds: 60 }, target: null, note: null }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(postedStepsSchema.safeParse('[{"type":"work","duration":{"kind":"time","seconds":1e999}}]').success).toBe(false);
    expect(postedStepsSchema.safeParse('[{"type":"work","duration":{"kind":"distance","metres":-800}}]').success).toBe(false);
  });

  it("keeps to the budgets: top-level entries, steps a watch takes, repeat counts and block sizes", () => {
    expect(messages(Array.from({ length: 21 }, () => work()))).toEqual([": A workout holds at most 20 steps and repeat blocks"]);
    const block = { type: "repeat", count: 2, steps: Array.from({ length: 10 }, () => work()) };
    // 5 blocks of 10 steps are 55 steps for a watch.
    expect(messages(Array.from({ length: 5 }, () => block))).toEqual([": A workout holds at most 50 steps, counting each repeat block as one; this one has 55"]);
    expect(messages([{ ...block, steps: Array.from({ length: 11 }, () => work()) }])).toEqual(["0.steps: A repeat block holds at most 10 steps"]);
    expect(messages([{ ...block, count: 0 }])).toEqual(["0.count: Repeat a block 1 to 50 times"]);
    expect(messages([{ ...block, count: 51 }])).toEqual(["0.count: Repeat a block 1 to 50 times"]);
    expect(messages([{ ...block, steps: [] }])).toEqual(["0.steps: Add at least one step to the repeat block"]);
    // No repeat inside a repeat, and no warm-up either.
    expect(messages([{ ...block, steps: [{ ...block }] }])).toContain("0.steps.0.type: A repeat block holds work, recovery and rest steps");
    expect(messages([{ ...block, steps: [work({ type: "warmup" })] }])).toEqual(["0.steps.0.type: A repeat block holds work, recovery and rest steps"]);
    // 50 × 6 h.
    expect(messages([{ type: "repeat", count: 50, steps: [work({ duration: { kind: "time", seconds: 6 * 3600 } })] }])).toEqual([
      ": The timed steps add up to more than 24 hours",
    ]);
  });

  it("refuses numbers out of bounds or not numbers at all", () => {
    expect(messages([work({ duration: { kind: "time", seconds: 5 } })])).toEqual(["0.duration.seconds: A step lasts from 10 seconds to 6 hours"]);
    expect(messages([work({ duration: { kind: "time", seconds: 6 * 3600 + 1 } })])).toEqual(["0.duration.seconds: A step lasts from 10 seconds to 6 hours"]);
    expect(messages([work({ duration: { kind: "time", seconds: 60.5 } })])).toEqual(["0.duration.seconds: Enter the time as a whole number"]);
    expect(messages([work({ duration: { kind: "time", seconds: "abc" } })])).toEqual(["0.duration.seconds: Enter the time as a number"]);
    expect(messages([work({ duration: { kind: "time", seconds: null } })])).toEqual(["0.duration.seconds: Enter the time as a number"]);
    expect(messages([work({ duration: { kind: "distance", metres: 100_001 } })])).toEqual(["0.duration.metres: A step covers from 10 m to 100 km"]);
    expect(messages([work({ duration: { kind: "lap" } })])).toEqual(["0.duration.kind: Choose how the step is measured: time, distance or until the lap button"]);
    expect(messages([work({ target: { kind: "rpe", rpe: 11 } })])).toEqual(["0.target.rpe: Effort is RPE 1-10"]);
    expect(messages([work({ target: { kind: "rpe", rpe: 0 } })])).toEqual(["0.target.rpe: Effort is RPE 1-10"]);
    expect(messages([work({ target: { kind: "pace", fastSecPerKm: 300, slowSecPerKm: 240 } })])).toEqual([
      "0.target.fastSecPerKm: The fastest pace comes first: it is the smaller time",
    ]);
    expect(messages([work({ target: { kind: "pace", fastSecPerKm: 30, slowSecPerKm: 240 } })])).toHaveLength(1);
    expect(messages([work({ type: "sprint" })])).toEqual(["0.type: Choose a step type"]);
    expect(messages({ steps: [] })).toEqual([": The workout steps are a list of steps"]);
  });

  it("refuses control characters and long notes, and trims the rest", () => {
    expect(messages([work({ note: "easy\u0000" })])).toEqual(["0.note: Remove the control characters from this field"]);
    expect(messages([work({ note: "line\nbreak" })])).toEqual(["0.note: Remove the control characters from this field"]);
    expect(messages([work({ note: "x".repeat(61) })])).toEqual(["0.note: Keep a step's note to 60 characters"]);
    expect(parse([work({ note: "  relaxed  " })]).data![0]).toMatchObject({ note: "relaxed" });
    expect(parse([work({ note: "   " })]).data![0]).toMatchObject({ note: null });
  });
});

describe("workout steps in words", () => {
  const steps = workoutStepsSchema.parse(INTERVALS)!;

  it("renders the session on one line in km", () => {
    expect(describeWorkout(steps, "KM", english)).toBe("15 min warm-up · 6 × (800 m at RPE 8, 2 min recovery) · 10 min cool-down");
  });

  it("renders the session in miles", () => {
    expect(describeWorkout(steps, "MI", english)).toBe("15 min warm-up · 6 × (0.5 mi at RPE 8, 2 min recovery) · 10 min cool-down");
  });

  it("says paces, longer distances, open steps and notes in the viewer's unit", () => {
    const more = workoutStepsSchema.parse([
      { type: "work", duration: { kind: "distance", metres: 5000 }, target: { kind: "pace", fastSecPerKm: 240, slowSecPerKm: 250 } },
      { type: "rest", duration: { kind: "time", seconds: 90 }, note: "walk" },
      { type: "work", duration: { kind: "open" }, target: { kind: "pace", fastSecPerKm: 300, slowSecPerKm: 300 } },
      { type: "cooldown", duration: { kind: "time", seconds: 4500 } },
    ]) as WorkoutEntry[];
    expect(describeWorkout(more, "KM", english)).toBe("5 km at 4:00–4:10 /km · 1 min 30 s rest (walk) · work until the lap button at 5:00 /km · 1 h 15 min cool-down");
    expect(describeWorkout(more, "MI", english)).toBe("3.11 mi at 6:26–6:42 /mi · 1 min 30 s rest (walk) · work until the lap button at 8:03 /mi · 1 h 15 min cool-down");
  });

  it("says the session in Spanish", () => {
    expect(describeWorkout(steps, "KM", spanish)).toBe("15 min de calentamiento · 6 × (800 m a RPE 8, 2 min de recuperación) · 10 min de vuelta a la calma");
    const open = workoutStepsSchema.parse([{ type: "work", duration: { kind: "open" }, note: "suave" }])!;
    expect(describeWorkout(open, "KM", spanish)).toBe("trabajo hasta pulsar el botón de vuelta (suave)");
  });
});

describe("the editor's check agrees with the server's schema", () => {
  const block = { type: "repeat", count: 2, steps: [work()] };
  const cases: unknown[] = [
    INTERVALS,
    [],
    null,
    { steps: [] },
    [work()],
    [work({ note: "  relaxed  " })],
    [work({ note: "   " })],
    [work({ note: "x".repeat(60) })],
    [work({ note: "x".repeat(61) })],
    [work({ note: "easy\u0000" })],
    [work({ note: 5 })],
    [work({ type: "sprint" })],
    [work({ type: "repeat" })],
    [work({ duration: { kind: "time", seconds: 10 } })],
    [work({ duration: { kind: "time", seconds: 9 } })],
    [work({ duration: { kind: "time", seconds: 6 * 3600 } })],
    [work({ duration: { kind: "time", seconds: 6 * 3600 + 1 } })],
    [work({ duration: { kind: "time", seconds: 60.5 } })],
    [work({ duration: { kind: "time", seconds: "60" } })],
    [work({ duration: { kind: "distance", metres: 10 } })],
    [work({ duration: { kind: "distance", metres: 100_001 } })],
    [work({ duration: { kind: "lap" } })],
    [work({ duration: { kind: "open" } })],
    [work({ target: { kind: "rpe", rpe: 1 } })],
    [work({ target: { kind: "rpe", rpe: 0 } })],
    [work({ target: { kind: "rpe", rpe: 11 } })],
    [work({ target: { kind: "pace", fastSecPerKm: 240, slowSecPerKm: 240 } })],
    [work({ target: { kind: "pace", fastSecPerKm: 300, slowSecPerKm: 240 } })],
    [work({ target: { kind: "pace", fastSecPerKm: 59, slowSecPerKm: 240 } })],
    [work({ target: { kind: "pace", fastSecPerKm: 240, slowSecPerKm: 1201 } })],
    [work({ target: { kind: "hr" } })],
    [work({ target: null })],
    Array.from({ length: 20 }, () => work()),
    Array.from({ length: 21 }, () => work()),
    [block],
    [{ ...block, count: 0 }],
    [{ ...block, count: 50 }],
    [{ ...block, count: 51 }],
    [{ ...block, steps: [] }],
    [{ ...block, steps: Array.from({ length: 10 }, () => work()) }],
    [{ ...block, steps: Array.from({ length: 11 }, () => work()) }],
    [{ ...block, steps: [work({ type: "warmup" })] }],
    [{ ...block, steps: [block] }],
    Array.from({ length: 5 }, () => ({ ...block, steps: Array.from({ length: 9 }, () => work()) })),
    Array.from({ length: 5 }, () => ({ ...block, steps: Array.from({ length: 10 }, () => work()) })),
    [{ type: "repeat", count: 50, steps: [work({ duration: { kind: "time", seconds: 6 * 3600 } })] }],
    [{ type: "repeat", count: 50, steps: [work({ duration: { kind: "distance", metres: 10_000 } })] }],
    [{ type: "repeat", count: 50, steps: [work({ duration: { kind: "distance", metres: 10_001 } })] }],
  ];

  it.each(cases.map((c, i) => [i, c]))("case %i", (_, value) => {
    const result = workoutStepsSchema.safeParse(value);
    expect(checkWorkout(value)).toEqual(result.success ? result.data : null);
  });
});

describe("workout totals and typed numbers", () => {
  it("adds up time and distance, and counts the steps it cannot", () => {
    const steps = workoutStepsSchema.parse(INTERVALS)!;
    expect(workoutTotals(steps)).toEqual({ seconds: 900 + 6 * 120 + 600, metres: 4800, untimedSteps: 6, unmeasuredSteps: 8 });
    const paced = workoutStepsSchema.parse([
      { type: "work", duration: { kind: "distance", metres: 1000 }, target: { kind: "pace", fastSecPerKm: 240, slowSecPerKm: 260 } },
      { type: "work", duration: { kind: "time", seconds: 600 }, target: { kind: "pace", fastSecPerKm: 300, slowSecPerKm: 300 } },
    ])!;
    expect(workoutTotals(paced)).toEqual({ seconds: 250 + 600, metres: 3000, untimedSteps: 0, unmeasuredSteps: 0 });
  });

  it("reads times and paces as people type them", () => {
    expect(parseStepTime("15")).toBe(900);
    expect(parseStepTime("2.5")).toBe(150);
    expect(parseStepTime("1:30")).toBe(90);
    expect(parseStepTime("1:05:30")).toBe(3930);
    expect(parseStepTime("1:75")).toBeNull();
    expect(parseStepTime("soon")).toBeNull();
    expect(stepTimeText(900)).toBe("15");
    expect(stepTimeText(90)).toBe("1:30");
    expect(stepTimeText(3930)).toBe("1:05:30");
    expect(parsePace("4:05", "KM")).toBe(245);
    expect(parsePace("6:26", "MI")).toBe(240);
    expect(paceText(240, "MI")).toBe("6:26");
    expect(parsePace("4:65", "KM")).toBeNull();
  });
});
