import { readFile } from "node:fs/promises";
import { Decoder, Stream } from "@garmin/fitsdk";
import { test, expect, login } from "./fixtures";
import { day } from "./plan-fixtures";

const INTERVALS_TEXT = "15 min warm-up · 6 × (800 m at RPE 8, 2 min recovery) · 10 min cool-down";

test("the coach builds an interval session step by step, sees it in the plan and downloads it for a watch", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Workouts");
  const date = day(2);
  const plannedId = await db.createPlannedSession(squad.id, athlete.id, { type: "RUN", title: "Track session", durationMin: 50, date });
  const planPath = `/coach/squads/${squad.id}/athletes/${athlete.id}/plan`;

  await login(page, coach.email);
  await page.goto(`${planPath}/sessions/${plannedId}`);
  const editor = page.getByRole("group", { name: "Workout steps (optional)" });
  const step = (name: string) => editor.getByRole("group", { name, exact: true });
  const addStep = async (type: string) => {
    await editor.getByLabel("New step", { exact: true }).selectOption({ label: type });
    await editor.getByRole("button", { name: "Add step" }).click();
  };

  await addStep("Warm-up");
  // The new step's first control takes the focus, so the keyboard carries on from there.
  await expect(step("Step 1").getByLabel("Step type")).toBeFocused();
  await step("Step 1").getByLabel("Time (min or min:s)").fill("15");

  await addStep("Repeat block");
  const block = step("Step 2: repeat block");
  await block.getByLabel("Repeat (times)").fill("6");
  const work = block.getByRole("group", { name: "Step 2.1", exact: true });
  await work.getByLabel("Measured by").selectOption({ label: "Distance" });
  await work.getByLabel("Distance", { exact: true }).fill("800");
  await work.getByLabel("Target").selectOption({ label: "Effort (RPE)" });
  await work.getByLabel("RPE (1-10)").fill("8");
  const recovery = block.getByRole("group", { name: "Step 2.2", exact: true });
  await expect(recovery.getByLabel("Step type")).toHaveValue("recovery");
  await recovery.getByLabel("Time (min or min:s)").fill("2");

  await addStep("Cool-down");
  await expect(step("Step 3").getByLabel("Time (min or min:s)")).toHaveValue("10");
  // A step added by mistake is moved and removed with the keyboard's buttons.
  await addStep("Rest");
  await step("Step 4").getByRole("button", { name: "Move up Step 4" }).click();
  await expect(step("Step 3").getByLabel("Step type")).toHaveValue("rest");
  await step("Step 3").getByRole("button", { name: "Remove Step 3" }).click();
  await expect(step("Step 4")).toHaveCount(0);

  await expect(editor.getByTestId("workout-preview")).toHaveText(INTERVALS_TEXT);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();

  const stored = await db.query<{ steps: unknown; durationMin: number }>(`SELECT steps, "durationMin" FROM "PlannedSession" WHERE id = $1`, [plannedId]);
  expect(stored[0].durationMin).toBe(50);
  expect(stored[0].steps).toMatchObject([{ type: "warmup" }, { type: "repeat", count: 6 }, { type: "cooldown" }]);

  // The plan shows the workout in words.
  await page.goto(`${planPath}?view=week&start=${date}`);
  await expect(page.getByRole("table", { name: /planned and done/ }).getByText(INTERVALS_TEXT)).toBeVisible();

  // And the session goes to a watch as a FIT workout file.
  await page.goto(`${planPath}/sessions/${plannedId}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download for a watch (.fit)" }).click()]);
  expect(download.suggestedFilename()).toBe(`backbone-workout-${date}-track-session.fit`);
  const bytes = await readFile(await download.path());
  const { messages, errors } = new Decoder(Stream.fromBuffer(bytes)).read();
  expect(errors).toEqual([]);
  expect(messages.workoutMesgs?.[0]).toMatchObject({ wktName: "Track session", sport: "running", numValidSteps: 5 });
  const steps = messages.workoutStepMesgs ?? [];
  expect(steps).toHaveLength(5);
  expect(steps.map((s) => s.intensity ?? "repeat")).toEqual(["warmup", "active", "recovery", "repeat", "cooldown"]);
  expect(steps[1]).toMatchObject({ durationType: "distance", durationDistance: 800, notes: "RPE 8" });
  expect(steps[3]).toMatchObject({ durationType: "repeatUntilStepsCmplt", durationStep: 1, repeatSteps: 6 });
});

test("steps that do not fit are refused at the step with nothing saved; corrected, they save and can set the duration", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("WorkoutsBad");
  const plannedId = await db.createPlannedSession(squad.id, athlete.id, { type: "RUN", title: "Tempo", durationMin: 40 });
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/plan/sessions/${plannedId}`);
  const editor = page.getByRole("group", { name: "Workout steps (optional)" });
  await editor.getByLabel("New step", { exact: true }).selectOption({ label: "Work" });
  await editor.getByRole("button", { name: "Add step" }).click();
  const first = editor.getByRole("group", { name: "Step 1", exact: true });
  await first.getByLabel("Time (min or min:s)").fill("0:05");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByText("A step lasts from 10 seconds to 6 hours")).toBeVisible();
  // What was typed stays, to be corrected.
  await expect(first.getByLabel("Time (min or min:s)")).toHaveValue("0:05");
  let stored = await db.query<{ steps: unknown; durationMin: number }>(`SELECT steps, "durationMin" FROM "PlannedSession" WHERE id = $1`, [plannedId]);
  expect(stored[0]).toEqual({ steps: null, durationMin: 40 });

  // Corrected, the steps can also set the session's duration, on request.
  await first.getByLabel("Time (min or min:s)").fill("20");
  await expect(first.getByText("A step lasts from 10 seconds to 6 hours")).toHaveCount(0);
  await editor.getByRole("button", { name: "Fill duration from steps" }).click();
  await expect(page.getByLabel("Duration", { exact: true })).toHaveValue("20");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  stored = await db.query(`SELECT steps, "durationMin" FROM "PlannedSession" WHERE id = $1`, [plannedId]);
  expect(stored[0]).toEqual({ steps: [{ type: "work", duration: { kind: "time", seconds: 1200 }, target: null, note: null }], durationMin: 20 });
});
