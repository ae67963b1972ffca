import { randomBytes, randomUUID, createHash } from "node:crypto";
import { test as base, expect, type Page, type Browser } from "@playwright/test";
import pg from "pg";
import { sessionCookie } from "./session-cookie";
import { hash } from "@node-rs/argon2";

export const PASSWORD = "e2e password 123";

/** The address the end-to-end server listens on (playwright.config.ts). */
export const E2E_BASE_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

const databaseUrl = () => {
  const url = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set");
  return url;
};

let passwordHash: Promise<string> | undefined;
const hashOnce = () => (passwordHash ??= hash(PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }));

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@e2e.test`;

/** Direct database access for arranging a scene faster than through the UI. */
export class Db {
  constructor(private client: pg.Client) {}

  async createUser(name: string, email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"))) {
    const id = `e2e${randomUUID().replace(/-/g, "")}`;
    await this.client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
      [id, email, name, await hashOnce()],
    );
    return { id, email, name };
  }

  async createSquad(name: string, coachId: string) {
    const id = `e2e${randomUUID().replace(/-/g, "")}`;
    await this.client.query(`INSERT INTO "Squad" (id, name, "createdById", "updatedAt") VALUES ($1, $2, $3, now())`, [id, name, coachId]);
    await this.addMember(id, coachId, "COACH", true);
    return { id, name };
  }

  async addMember(squadId: string, userId: string, role: "COACH" | "ATHLETE" | "CLINICIAN", isOwner = false) {
    await this.client.query(
      `INSERT INTO "Membership" (id, "userId", "squadId", role, "isOwner") VALUES ($1, $2, $3, $4::"Role", $5)`,
      [`e2e${randomUUID().replace(/-/g, "")}`, userId, squadId, role, isOwner],
    );
    if (role === "ATHLETE") {
      await this.client.query(`INSERT INTO "AthleteProfile" ("userId", "updatedAt") VALUES ($1, now()) ON CONFLICT DO NOTHING`, [userId]);
    }
  }

  /** An athlete of the squad kept by its coaches without a login (as the squad page's form adds one). */
  async createManagedAthlete(squadId: string, name: string) {
    const id = `e2e${randomUUID().replace(/-/g, "")}`;
    await this.client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "hasLogin", "updatedAt") VALUES ($1, $2, $3, '!', false, now())`,
      [id, `no-login+${randomUUID()}@backbone.invalid`, name],
    );
    await this.addMember(squadId, id, "ATHLETE");
    return { id, name };
  }

  /** A coach with a squad and one athlete in it. */
  async squadWithAthlete(label: string) {
    const coach = await this.createUser(`Coach ${label}`);
    const squad = await this.createSquad(`Squad ${label} ${randomUUID().slice(0, 4)}`, coach.id);
    const athlete = await this.createUser(`Athlete ${label}`);
    await this.addMember(squad.id, athlete.id, "ATHLETE");
    return { coach, squad, athlete };
  }

  /** An invitation; with `claimUserId`, a link for that athlete kept without a login to set up their own. */
  async createInvitation(squadId: string, options: { expiresAt?: Date; revoked?: boolean; claimUserId?: string } = {}) {
    const token = randomBytes(32).toString("base64url");
    await this.client.query(
      `INSERT INTO "Invitation" (id, "squadId", role, "tokenHash", "expiresAt", "revokedAt", "claimUserId") VALUES ($1, $2, 'ATHLETE', $3, $4, $5, $6)`,
      [
        `e2e${randomUUID().replace(/-/g, "")}`,
        squadId,
        createHash("sha256").update(token).digest("hex"),
        options.expiresAt ?? new Date(Date.now() + 7 * 86_400_000),
        options.revoked ? new Date() : null,
        options.claimUserId ?? null,
      ],
    );
    return token;
  }

  async createSession(userId: string, options: { date?: string; notes?: string; distanceKm?: number } = {}) {
    const id = `e2e${randomUUID().replace(/-/g, "")}`;
    await this.client.query(
      `INSERT INTO "TrainingSession" (id, "userId", "localDate", type, "durationMin", "distanceKm", rpe, notes, "updatedAt")
       VALUES ($1, $2, $3::date, 'RUN', 40, $4, 5, $5, now())`,
      [id, userId, options.date ?? new Date().toISOString().slice(0, 10), options.distanceKm ?? 8, options.notes ?? null],
    );
    return id;
  }

  /** A back-pain report; `redFlags` are symptom ids answered "yes". */
  async createPainReport(
    userId: string,
    options: { date?: string; zone?: "CERVICAL" | "DORSAL" | "LUMBAR"; subArea?: string; nrs?: number; redFlags?: string[]; notes?: string } = {},
  ) {
    const id = `e2e${randomUUID().replace(/-/g, "")}`;
    await this.client.query(
      `INSERT INTO "BackPainReport" (id, "userId", "localDate", zone, "subArea", nrs, "redFlags", notes)
       VALUES ($1, $2, $3::date, $4::"BackZone", $5, $6, $7, $8)`,
      [
        id,
        userId,
        options.date ?? new Date().toISOString().slice(0, 10),
        options.zone ?? "LUMBAR",
        options.subArea ?? "lower-back-centre",
        options.nrs ?? 3,
        options.redFlags ?? [],
        options.notes ?? null,
      ],
    );
    return id;
  }

  async createPlannedSession(
    squadId: string,
    athleteId: string,
    options: { date?: string; title?: string; type?: string; durationMin?: number; reason?: string; flagId?: string } = {},
  ) {
    const id = `e2e${randomUUID().replace(/-/g, "")}`;
    const date = options.date ?? new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await this.client.query(
      `INSERT INTO "PlannedSession" (id, "squadId", "athleteId", date, type, title, "durationMin", reason, "flagId", origin, "updatedAt")
       VALUES ($1, $2, $3, $4::date, $5::"SessionType", $6, $7, $8, $9, $10::"PlanOrigin", now())`,
      [
        id,
        squadId,
        athleteId,
        date,
        options.type ?? "CORE",
        options.title ?? null,
        options.durationMin ?? 25,
        options.reason ?? null,
        options.flagId ?? null,
        options.flagId ? "SUGGESTION" : "COACH",
      ],
    );
    return id;
  }

  async createTemplate(squadId: string, name: string) {
    const id = `e2e${randomUUID().replace(/-/g, "")}`;
    const sessions = [{ dayOffset: 0, type: "CORE", subType: null, durationMin: 25, distanceKm: null, targetRpe: 5, title: null }];
    await this.client.query(`INSERT INTO "PlanTemplate" (id, "squadId", name, sessions) VALUES ($1, $2, $3, $4::jsonb)`, [id, squadId, name, JSON.stringify(sessions)]);
    return id;
  }

  async createComment(squadId: string, athleteId: string, authorId: string, body: string) {
    await this.client.query(
      `INSERT INTO "CoachComment" (id, "squadId", "athleteId", "authorId", body) VALUES ($1, $2, $3, $4, $5)`,
      [`e2e${randomUUID().replace(/-/g, "")}`, squadId, athleteId, authorId, body],
    );
  }

  async createFeedToken(userId: string) {
    const token = randomBytes(32).toString("base64url");
    await this.client.query(`INSERT INTO "CalendarFeedToken" (id, "userId", "tokenHash") VALUES ($1, $2, $3)`, [
      `e2e${randomUUID().replace(/-/g, "")}`,
      userId,
      createHash("sha256").update(token).digest("hex"),
    ]);
    return token;
  }

  async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
    return (await this.client.query<T>(sql, params)).rows;
  }
}

export const test = base.extend<{ db: Db }>({
  db: async ({}, use) => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    await use(new Db(client));
    await client.end();
  },
});

export { expect };

/**
 * Signs the page's browser in as the person and opens their home page. With the shared test password it
 * sets the session cookie directly (e2e/session-cookie.ts: no form, no password hashing, a fraction of the
 * time); any other password goes through the form.
 */
export async function login(page: Page, email: string, password = PASSWORD) {
  if (password !== PASSWORD) return loginThroughForm(page, email, password);
  await page.context().addCookies([await sessionCookie(email, E2E_BASE_URL)]);
  await page.goto("/");
  await expect(page).not.toHaveURL(/\/login/);
}

/** Logs in through the login form, as a person does (the specs about logging in use this). */
export async function loginThroughForm(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

type Question = string | RegExp;

/**
 * Answers the pain form's questions that have no default: the movement question, and every warning sign,
 * "Yes" where the question matches one of `yes`, "No" to the rest, none to those matching `skip`. Throws
 * when a `yes` or `skip` matches no question, so a reworded question fails the spec instead of passing
 * as a "No".
 */
export async function answerPainQuestions(
  page: Page,
  {
    yes = [],
    skip = [],
    movement = "Yes, it changes",
  }: { yes?: Question[]; skip?: Question[]; movement?: "Yes, it changes" | "No, it stays the same" | "Not sure" } = {},
) {
  await page.getByRole("group", { name: /change with movement or posture/ }).getByRole("radio", { name: movement }).check();
  const matched = new Set<Question>();
  const matches = (question: string, wanted: Question[]) => {
    const hit = wanted.filter((w) => (typeof w === "string" ? question === w : w.test(question)));
    for (const w of hit) matched.add(w);
    return hit.length > 0;
  };
  for (const group of await page.getByRole("group", { name: "Warning signs" }).getByRole("group").all()) {
    const question = (await group.locator("legend").innerText()).trim();
    if (matches(question, skip)) continue;
    await group.getByRole("radio", { name: matches(question, yes) ? "Yes" : "No", exact: true }).check();
  }
  const missing = [...yes, ...skip].filter((w) => !matched.has(w));
  if (missing.length) throw new Error(`No warning-sign question matches ${missing.map(String).join(", ")}`);
}

/** A fresh browser context logged in as the user, for scenes with several people. */
export async function loggedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  return page;
}
