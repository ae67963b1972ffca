import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import type { FormState } from "@/lib/forms";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/input-schemas";
import { ASKED_RED_FLAGS, redFlagField } from "@/lib/pain/labels";
import { createSession } from "@/lib/sessions/mutations";
import { createPainReport } from "@/lib/pain/mutations";
import { updateOwnProfile } from "@/lib/profiles/mutations";
import { createPlannedSession } from "@/lib/plans/mutations";
import { createComment } from "@/lib/comments/mutations";
import { createCoachAccount } from "@/lib/accounts/mutations";
import { previewImport } from "@/lib/imports/store";
import { twoSquads } from "./factories";

// The actions read the signed-in person through this module; the test chooses who that is. Nothing here
// should get as far as signing anyone in or revalidating a page.
const signedIn = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({
  getViewer: async () => signedIn.viewer,
  requireViewer: async () => {
    if (!signedIn.viewer) throw new Error("no viewer in this test");
    return signedIn.viewer;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth", () => ({
  signIn: async () => {
    throw new Error("signIn is not reached in these tests");
  },
  signOut: async () => {},
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

const { createSessionAction } = await import("@/lib/sessions/actions");
const { createPainReportAction } = await import("@/lib/pain/actions");
const { updateProfileAction } = await import("@/lib/profiles/actions");
const { createPlannedSessionAction } = await import("@/lib/plans/actions");
const { createCommentAction } = await import("@/lib/comments/actions");
const { signUpAction } = await import("@/lib/accounts/actions");

const NOW = new Date("2026-06-15T12:00:00Z");
const IDLE: FormState = { status: "idle" };

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

const painFields = (over: Record<string, string> = {}) => ({
  zone: "LUMBAR",
  subArea: "lumbosacral",
  side: "CENTRAL",
  nrs: "4",
  timing: "AFTER_RUN",
  triggerPoint: "no",
  mechanical: "yes",
  ...Object.fromEntries(ASKED_RED_FLAGS.map((s) => [redFlagField(s.id), "no"])),
  date: "2026-06-14",
  ...over,
});

/** Every row of the tables a form could write to, to show that a refused submit wrote nothing. */
async function rowCounts() {
  const p = db();
  return {
    sessions: await p.trainingSession.count(),
    pain: await p.backPainReport.count(),
    planned: await p.plannedSession.count(),
    comments: await p.coachComment.count(),
    users: await p.user.count(),
    profiles: await p.athleteProfile.findMany({ select: { injuryHistory: true } }),
  };
}

async function refusedField(p: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await p.catch((e) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe("control characters in forms", () => {
  it("are refused by each action with a message on the field, and nothing is written", async () => {
    const { coachA, athleteA, squadA } = await twoSquads();
    const sessionId = (await createSession(athleteA, { type: "RUN", date: "2026-06-14", duration: "40", distance: "8" }, NOW)).id;
    const before = await rowCounts();

    const cases: { name: string; viewer: Viewer | null; run: (fd: FormData) => Promise<FormState>; fields: Record<string, string>; field: string }[] = [
      {
        name: "session log",
        viewer: athleteA,
        run: (fd) => createSessionAction(IDLE, fd),
        fields: { type: "RUN", date: "2026-06-14", duration: "30", distance: "5", notes: "felt good\u0000" },
        field: "notes",
      },
      { name: "pain report", viewer: athleteA, run: (fd) => createPainReportAction(IDLE, fd), fields: painFields({ notes: "sharp\u0000 on the left" }), field: "notes" },
      {
        name: "athlete profile",
        viewer: athleteA,
        run: (fd) => updateProfileAction(IDLE, fd),
        fields: { sex: "FEMALE", footprintType: "NEUTRAL", injuryHistory: "stress fracture\u0000 2019" },
        field: "injuryHistory",
      },
      {
        name: "planned-session title",
        viewer: coachA,
        run: (fd) => createPlannedSessionAction(IDLE, fd),
        fields: { squadId: squadA.id, athleteId: athleteA.id, type: "CORE", date: "2026-06-20", duration: "25", title: "Core\u0000" },
        field: "title",
      },
      {
        name: "comment",
        viewer: coachA,
        run: (fd) => createCommentAction(IDLE, fd),
        fields: { squadId: squadA.id, athleteId: athleteA.id, sessionId, body: "Nice\u0007 pacing" },
        field: "body",
      },
      {
        name: "sign-up name",
        viewer: null,
        run: (fd) => signUpAction(IDLE, fd),
        fields: { name: "Ana\u0000", email: "ana-nul@example.test", password: "long enough pw", squadName: "Track" },
        field: "name",
      },
      {
        name: "a hidden id",
        viewer: athleteA,
        run: (fd) => createSessionAction(IDLE, fd),
        fields: { type: "RUN", date: "2026-06-14", duration: "30", distance: "5", shoeId: "\u0000" },
        field: "shoeId",
      },
    ];
    for (const c of cases) {
      signedIn.viewer = c.viewer;
      const state = await c.run(form(c.fields));
      expect(state.status, c.name).toBe("error");
      expect(state.fieldErrors?.[c.field], c.name).toEqual([CONTROL_CHARACTERS_MESSAGE]);
      expect(state.message, c.name).not.toMatch(/went wrong/);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("are refused by the schemas themselves, for callers that skip the forms", async () => {
    const { coachA, athleteA, squadA } = await twoSquads();
    const sessionId = (await createSession(athleteA, { type: "RUN", date: "2026-06-14", duration: "40", distance: "8" }, NOW)).id;
    const before = await rowCounts();

    const session = { type: "RUN", date: "2026-06-14", duration: "30", distance: "5" };
    expect(await refusedField(createSession(athleteA, { ...session, notes: "a\u0000b" }, NOW))).toMatchObject({ notes: [CONTROL_CHARACTERS_MESSAGE] });
    // Half of a surrogate pair, as a JSON caller can send it (a posted form turns it into U+FFFD first).
    expect(await refusedField(createSession(athleteA, { ...session, notes: "broken \ud83d text" }, NOW))).toMatchObject({ notes: [CONTROL_CHARACTERS_MESSAGE] });
    expect(await refusedField(createPainReport(athleteA, painFields({ notes: "\u001b[31mred" }), NOW))).toMatchObject({ notes: [CONTROL_CHARACTERS_MESSAGE] });
    expect(await refusedField(updateOwnProfile(athleteA, { sex: "FEMALE", footprintType: "NEUTRAL", injuryHistory: "x\u007f" }))).toMatchObject({
      injuryHistory: [CONTROL_CHARACTERS_MESSAGE],
    });
    // A title is one line: a tab or a line break is refused there, not only NUL.
    for (const title of ["Core\u0000", "Core\tblock", "Core\nblock"]) {
      expect(await refusedField(createPlannedSession(coachA, squadA.id, athleteA.id, { type: "CORE", date: "2026-06-20", duration: "25", title }))).toMatchObject({
        title: [CONTROL_CHARACTERS_MESSAGE],
      });
    }
    expect(await refusedField(createComment(coachA, { squadId: squadA.id, athleteId: athleteA.id, sessionId, body: "ok\u0000" }))).toMatchObject({
      body: [CONTROL_CHARACTERS_MESSAGE],
    });
    expect(await refusedField(createCoachAccount({ name: "Ana\u0000", email: "ana2@example.test", password: "long enough pw", squadName: "Track" }))).toMatchObject({
      name: [CONTROL_CHARACTERS_MESSAGE],
    });
    expect(await rowCounts()).toEqual(before);

    // Line breaks and tabs stay fine where a field has several lines.
    await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "CORE", date: "2026-06-20", duration: "25", description: "Plank\t3 x 30 s\r\nSide plank" });
    expect(await db().plannedSession.findFirstOrThrow({ where: { athleteId: athleteA.id } })).toMatchObject({ description: "Plank\t3 x 30 s\r\nSide plank" });
  });
});

describe("control characters in imported files", () => {
  const stravaCsv = (rows: string[][]) =>
    new TextEncoder().encode(
      [["Activity ID", "Activity Date", "Activity Name", "Activity Type", "Elapsed Time", "Distance"], ...rows]
        .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(","))
        .join("\n"),
    );

  it("reject the one CSV row holding a NUL and preview the clean rows", async () => {
    const { athleteA } = await twoSquads();
    const bytes = stravaCsv([
      ["101", "Jun 1, 2026, 7:00:00 AM", "Morning Run", "Run", "1800", "5.0"],
      ["102", "Jun 2, 2026, 7:00:00 AM", "Evening\u0000Run", "Run", "2400", "7.0"],
      ["103", "Jun 3, 2026, 7:00:00 AM", "Long Run", "Run", "5400", "15.0"],
      ["104", "Jun 4, 2026, 7:00:00 AM", "Tempo", "Run", "2000\u0001", "6.0"],
    ]);
    const preview = await previewImport(db(), athleteA.id, [{ name: "activities.csv", bytes }], "UTC");
    expect(preview.counts).toEqual({ create: 2, skip: 0, duplicate: 0, rejected: 2, needsReview: 0 });
    expect(preview.items.filter((i) => i.status === "create").map((i) => i.item)).toEqual(["activities.csv row 2", "activities.csv row 4"]);
    expect(preview.items.filter((i) => i.status === "rejected")).toEqual([
      { status: "rejected", item: "activities.csv row 3", reason: expect.stringMatching(/control character.*Activity Name/) },
      { status: "rejected", item: "activities.csv row 5", reason: expect.stringMatching(/control character.*Elapsed Time/) },
    ]);
    expect(preview.batchId).not.toBeNull();
  });

  it("strips control characters from an activity name in a GPX file before it is stored", async () => {
    const { athleteA } = await twoSquads();
    const gpx = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Hill\u0000 repeats\u0007</name><type>running</type><trkseg>
    <trkpt lat="40.0" lon="-3.0"><time>2026-06-01T07:00:00Z</time></trkpt>
    <trkpt lat="40.01" lon="-3.0"><time>2026-06-01T07:10:00Z</time></trkpt>
  </trkseg></trk>
</gpx>`;
    const preview = await previewImport(db(), athleteA.id, [{ name: "run\u0000.gpx", bytes: new TextEncoder().encode(gpx) }], "UTC");
    expect(preview.counts.create).toBe(1);
    const created = preview.items.find((i) => i.status === "create");
    expect(created?.status === "create" && created.session.name).toBe("Hill repeats");
    expect(created?.status === "create" && created.session.sourceFile).toBe("run.gpx");
  });
});
