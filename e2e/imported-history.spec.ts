import { test, expect, login } from "./fixtures";
import { stravaCsv, stravaDate } from "../lib/imports/testing";

const DAY = 864e5;
// Days before today, so that every activity is in the past whatever day the suite runs.
const at = (daysAgo: number) => stravaDate(Date.now() - daysAgo * DAY - 3 * 3600e3);

const exportRows = [
  { "Activity ID": "9001", "Activity Date": at(12), "Activity Type": "Run", "Activity Name": "Tempo by the river", "Elapsed Time": "3000", "Moving Time": "2820", "Distance@2": "10000" },
  { "Activity ID": "9002", "Activity Date": at(11), "Activity Type": "Ride", "Activity Name": "Commute ride", "Elapsed Time": "7253640", "Moving Time": "118", "Distance@2": "500" },
  { "Activity ID": "9003", "Activity Date": at(10), "Activity Type": "Walk", "Activity Name": "Dog walk", "Elapsed Time": "1800", "Moving Time": "1700", "Distance@2": "2500" },
  { "Activity ID": "9004", "Activity Date": at(9), "Activity Type": "Hike", "Activity Name": "Traverse", "Elapsed Time": "97200", "Moving Time": "93600", "Distance@2": "60000" },
  { "Activity ID": "9005", "Activity Date": at(8), "Activity Type": "Run", "Activity Name": "Easy loop", "Elapsed Time": "2700", "Moving Time": "2600", "Distance@2": "7000" },
  { "Activity ID": "9006", "Activity Date": at(7), "Activity Type": "Ride", "Activity Name": "Long ride", "Elapsed Time": "9000", "Moving Time": "8400", "Distance@2": "60000" },
  { "Activity ID": "9007", "Activity Date": at(6), "Activity Type": "Walk", "Activity Name": "Errands", "Elapsed Time": "2400", "Moving Time": "2000", "Distance@2": "3000" },
];

test("an athlete maps Ride to cycling and skips Walk; an implausible hike waits for a look; the import is undone", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Mapper");
  await login(page, athlete.email);
  await page.goto("/athlete/import");
  await page.getByLabel("Files").setInputFiles({ name: "activities.csv", mimeType: "text/csv", buffer: Buffer.from(stravaCsv(exportRows)) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("7 to add (1 need a look), 0 skipped, 0 already there, 0 cannot be read.")).toBeVisible();

  const sports = page.getByRole("table", { name: /New activities by sport/ });
  await expect(sports.getByRole("row", { name: /^Ride 2 / })).toBeVisible();
  await sports.getByLabel("Import Ride as").selectOption("CROSS_TRAINING:CYCLING");
  await sports.getByLabel("Import Walk as").selectOption("SKIP");
  await expect(page.getByText("5 to add (1 need a look), 2 skipped, 0 already there, 0 cannot be read.")).toBeVisible();
  await page.getByLabel("Show").selectOption("review");
  await expect(page.getByRole("row", { name: /Needs a look.*Moving time over 24 hours/ })).toBeVisible();

  await page.getByRole("button", { name: "Import 5 sessions" }).click();
  await expect(page.getByText(/Imported 5 sessions; 2 activities of the sports you skip were left out\. 1 session needs a look/)).toBeVisible();
  const stored = await db.query<{ sourceSport: string; type: string; subType: string | null; reviewReason: string | null }>(
    `SELECT "sourceSport", type::text, "subType"::text AS "subType", "reviewReason" FROM "TrainingSession" WHERE "userId" = $1 ORDER BY "localDate"`,
    [athlete.id],
  );
  expect(stored.map((s) => [s.sourceSport, s.type, s.subType, s.reviewReason])).toEqual([
    ["Run", "RUN", null, null],
    ["Ride", "CROSS_TRAINING", "CYCLING", null],
    ["Hike", "CROSS_TRAINING", "OTHER", "moving-over-day"],
    ["Run", "RUN", null, null],
    ["Ride", "CROSS_TRAINING", "CYCLING", null],
  ]);
  // The ride's 84 days of elapsed time count as its 2 moving minutes; the hike does not count yet.
  const [{ max }] = await db.query<{ max: number }>(`SELECT max("durationMin") AS max FROM "DailyLoad" WHERE "userId" = $1`, [athlete.id]);
  expect(max).toBeLessThanOrEqual(1440);

  // The hike's page says why and lets the athlete correct it; then it counts.
  const [hike] = await db.query<{ id: string }>(`SELECT id FROM "TrainingSession" WHERE "userId" = $1 AND "sourceSport" = 'Hike'`, [athlete.id]);
  await page.goto(`/athlete/sessions/${hike.id}`);
  await expect(page.getByText(/Needs a look:.*Moving time over 24 hours/)).toBeVisible();
  await expect(page.getByLabel("Moving time")).toHaveValue("26:00");
  await page.getByLabel("Moving time").fill("6:00");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/athlete\/sessions\?saved=1/);
  const [fixed] = await db.query<{ movingMin: number; reviewReason: string | null }>(`SELECT "movingMin", "reviewReason" FROM "TrainingSession" WHERE id = $1`, [hike.id]);
  expect(fixed).toEqual({ movingMin: 360, reviewReason: null });

  // The imported sessions are in the history: find the rides from Strava by filter and rate them at once.
  await page.goto("/athlete/sessions");
  const history = page.getByRole("region", { name: "All sessions" });
  const filters = history.getByRole("search", { name: "Filter and sort sessions" });
  await filters.getByLabel("Type").selectOption("CROSS_TRAINING");
  await filters.getByLabel("Source").selectOption("STRAVA");
  await filters.getByRole("button", { name: "Show sessions" }).click();
  await expect(history.getByText(/3\s+sessions match/)).toBeVisible();
  await filters.getByLabel("Notes contain").fill("ride");
  await filters.getByRole("button", { name: "Show sessions" }).click();
  await expect(history.getByText(/2\s+sessions match/)).toBeVisible();
  const table = history.getByRole("table");
  await table.getByRole("checkbox", { name: "Tick every session on this page" }).check();
  await history.getByLabel("RPE", { exact: true }).selectOption("3");
  await history.getByRole("button", { name: "Set RPE" }).click();
  await history.getByRole("button", { name: "Change 2 sessions" }).click();
  await expect(history.getByText("RPE 3 set on 2 sessions.")).toBeVisible();
  const rated = await db.query<{ rpe: number }>(`SELECT rpe FROM "TrainingSession" WHERE "userId" = $1 AND "sourceSport" = 'Ride'`, [athlete.id]);
  expect(rated).toEqual([{ rpe: 3 }, { rpe: 3 }]);

  // The next upload remembers: walks are skipped before anyone chooses.
  await page.goto("/athlete/import");
  const next = [{ "Activity ID": "9101", "Activity Date": at(3), "Activity Type": "Walk", "Elapsed Time": "1200", "Distance@2": "1500" }];
  await page.getByLabel("Files").setInputFiles({ name: "activities.csv", mimeType: "text/csv", buffer: Buffer.from(stravaCsv(next)) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("0 to add, 1 skipped, 0 already there, 0 cannot be read. Nothing new to import.")).toBeVisible();
  await expect(page.getByLabel("Import Walk as")).toHaveValue("SKIP");

  // Undo the first import: its sessions go, the record stays.
  const imports = page.getByRole("table", { name: "Your imports, newest first" });
  page.once("dialog", (dialog) => dialog.accept());
  await imports.getByRole("button", { name: /Remove this import/ }).click();
  await expect(imports.getByText(/Removed/)).toBeVisible();
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toEqual([]);
});

test("the preview lists every activity of a long export, page by page", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Pager");
  await login(page, athlete.email);
  const rows = Array.from({ length: 250 }, (_, i) => ({
    "Activity ID": String(20000 + i),
    "Activity Date": at(300 - i),
    "Activity Type": i % 5 === 0 ? "Swim" : "Run",
    "Activity Name": `Session ${i + 1}`,
    "Elapsed Time": "2400",
    "Distance@2": i % 5 === 0 ? "1500" : "6000",
  }));
  await page.goto("/athlete/import");
  await page.getByLabel("Files").setInputFiles({ name: "activities.csv", mimeType: "text/csv", buffer: Buffer.from(stravaCsv(rows)) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("250 to add, 0 skipped, 0 already there, 0 cannot be read.")).toBeVisible();
  await expect(page.getByRole("row", { name: /^Swim 50 / })).toBeVisible();
  await expect(page.getByText("Page 1 of 3 (250 activities)")).toBeVisible();
  await page.getByRole("button", { name: "Next page" }).click();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("Page 3 of 3 (250 activities)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();
  // The last page holds the last 50 rows of the file.
  await expect(page.getByRole("row", { name: /activities\.csv row 251/ })).toBeVisible();
});
