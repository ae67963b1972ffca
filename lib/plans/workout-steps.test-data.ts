/** A classic interval session as the step editor sends it: 15 min warm-up, 6 x (800 m at RPE 8, 2 min recovery), 10 min cool-down. */
export const INTERVALS = [
  { type: "warmup", duration: { kind: "time", seconds: 900 } },
  {
    type: "repeat",
    count: 6,
    steps: [
      { type: "work", duration: { kind: "distance", metres: 800 }, target: { kind: "rpe", rpe: 8 } },
      { type: "recovery", duration: { kind: "time", seconds: 120 } },
    ],
  },
  { type: "cooldown", duration: { kind: "time", seconds: 600 } },
];
