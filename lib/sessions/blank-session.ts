import type { SessionFormValues } from "@/lib/ui/session-form";

/** An empty session form for a day: a run, nothing else filled in. */
export function blankSession(date: string): SessionFormValues {
  return {
    type: "RUN",
    subType: null,
    date,
    startTime: null,
    duration: "",
    distance: "",
    elevationGainM: null,
    rpe: null,
    avgHr: null,
    surface: null,
    shoeId: null,
    notes: null,
  };
}
