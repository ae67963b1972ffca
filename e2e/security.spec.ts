import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { test, expect, loginThroughForm, PASSWORD } from "./fixtures";
import { hostileArchives } from "../lib/imports/hostile-archives";

// Requests from chosen loopback addresses (127.0.0.x), as different clients would come from different
// addresses: the browser always comes from 127.0.0.1.
function request(
  base: string,
  method: "GET" | "POST",
  pathname: string,
  options: { localAddress: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(pathname, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, localAddress: options.localAddress, headers: options.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const cookiesOf = (headers: http.IncomingHttpHeaders) => (headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);

/** Auth.js's credentials sign-in from one address: "ok", or the failure code it redirects with. */
async function credentialsLogin(base: string, localAddress: string, email: string, password: string, forwardedFor?: string) {
  const extra: Record<string, string> = forwardedFor ? { "X-Forwarded-For": forwardedFor } : {};
  const csrf = await request(base, "GET", "/api/auth/csrf", { localAddress, headers: extra });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }).toString();
  const res = await request(base, "POST", "/api/auth/callback/credentials", {
    localAddress,
    body,
    headers: {
      ...extra,
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": String(Buffer.byteLength(body)),
      Cookie: cookiesOf(csrf.headers).join("; "),
    },
  });
  if (cookiesOf(res.headers).some((c) => c.startsWith("authjs.session-token="))) return "ok";
  return new URL(String(res.headers.location), base).searchParams.get("code") ?? `status ${res.status}`;
}

test("logging out ends the session for every copy of its cookie, and a form opened with it saves nothing", async ({ page, browser, db }) => {
  const { athlete } = await db.squadWithAthlete("Copied");
  await loginThroughForm(page, athlete.email);
  const copied = await page.context().cookies();
  // Someone with a copy of the cookie opens the session form before the owner logs out …
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/athlete/sessions");
  await expect(thiefPage.getByRole("button", { name: "Save session" })).toBeVisible();

  await page.goto("/athlete");
  await page.getByRole("button", { name: /Log out/ }).click();
  await expect(page.getByText("You are logged out.")).toBeVisible();

  // … and after it, the copy neither saves nor opens anything.
  await thiefPage.getByLabel("Duration").fill("45");
  await thiefPage.getByLabel("Distance (km)").fill("9");
  await thiefPage.getByRole("button", { name: "Save session" }).click();
  await expect(thiefPage).toHaveURL(/\/login/);
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(0);
  await thiefPage.goto("/athlete");
  await expect(thiefPage).toHaveURL(/\/login/);
  await expect(thiefPage.getByRole("heading", { name: "Log in" })).toBeVisible();
  await thief.close();
});

test("POST /api/auth/signout ends the session for every copy of its cookie", async ({ page, browser, db }) => {
  const { athlete } = await db.squadWithAthlete("Api signout");
  await loginThroughForm(page, athlete.email);
  const copied = await page.context().cookies();
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(res.status()).toBe(302);

  const copy = await browser.newContext();
  await copy.addCookies(copied);
  const copyPage = await copy.newPage();
  await copyPage.goto("/athlete");
  await expect(copyPage).toHaveURL(/\/login/);
  // Auth.js's own session endpoint agrees.
  expect(await (await copy.request.get("/api/auth/session")).json()).toBeNull();
  expect(await db.query(`SELECT id FROM "AuthSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(0);
  await copy.close();
});

test("log out everywhere ends the sessions of every browser, this one included", async ({ page, browser, db }) => {
  const { athlete } = await db.squadWithAthlete("Everywhere");
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await loginThroughForm(phonePage, athlete.email);
  await loginThroughForm(page, athlete.email);
  await page.goto("/settings");
  const sessions = page.getByRole("list", { name: "Open sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByRole("listitem").filter({ hasText: "(this browser)" })).toHaveCount(1);
  await expect(sessions).toContainText("Chrome on Windows, from 127.0.0.1");

  await page.getByRole("button", { name: "Log out everywhere" }).click();
  await expect(page.getByText("You are logged out on every device.")).toBeVisible();
  await phonePage.goto("/athlete");
  await expect(phonePage).toHaveURL(/\/login/);
  await phone.close();
});

test("the client address is the connection's: X-Forwarded-For from a client without a proxy is ignored", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Forwarded");
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": "6.6.6.6", "X-Backbone-Client-Address": "7.7.7.7" });
  await loginThroughForm(page, athlete.email);
  const rows = await db.query<{ ip: string }>(`SELECT ip FROM "AuthSession" WHERE "userId" = $1`, [athlete.id]);
  expect(rows.map((r) => r.ip)).toEqual(["127.0.0.1"]);
  const audit = await db.query<{ ip: string }>(`SELECT ip FROM "AuditLog" WHERE "actorId" = $1 AND action = 'auth.login'`, [athlete.id]);
  expect(audit.map((r) => r.ip)).toEqual(["127.0.0.1"]);
});

test("a stranger's wrong passwords pause the stranger's address, not the owner", async ({ page, db, baseURL }) => {
  const owner = await db.createUser("Owner");
  // Five wrong passwords from one address, each naming a different "client" in X-Forwarded-For.
  for (let i = 0; i < 5; i++) {
    expect(await credentialsLogin(baseURL!, "127.0.0.3", owner.email, `guess ${i}`, `203.0.113.${i}`)).toBe("invalid");
  }
  // That address is paused, even with the right password and a new forwarded address …
  expect(await credentialsLogin(baseURL!, "127.0.0.3", owner.email, PASSWORD, "198.51.100.1")).toMatch(/^rate_limited_\d+$/);
  // … while the owner, elsewhere, logs in.
  expect(await credentialsLogin(baseURL!, "127.0.0.4", owner.email, PASSWORD)).toBe("ok");
  await loginThroughForm(page, owner.email);
});

test("strangers guessing from many addresses cannot keep the owner out of a browser they have used before", async ({ page, browser, db, baseURL }) => {
  const owner = await db.createUser("Besieged");
  // The owner has logged in from this browser before: it holds the account's device cookie.
  await loginThroughForm(page, owner.email);
  // The header's button (settings, where a person without a squad lands, also has "Log out everywhere").
  await page.getByRole("button", { name: /^Log out(?! everywhere)/ }).click();
  await expect(page.getByText("You are logged out.")).toBeVisible();
  // Strangers spread over 25 addresses, one guess each: past the account's ceiling of 20 the account
  // takes one try at a time from unknown devices.
  const answers: string[] = [];
  for (let a = 10; a < 35; a++) answers.push(await credentialsLogin(baseURL!, `127.0.0.${a}`, owner.email, `guess ${a}`));
  expect(answers.filter((x) => x === "invalid")).toHaveLength(20);
  expect(answers.filter((x) => /^rate_limited_/.test(x))).toHaveLength(5);
  // Even the right password from a new device waits …
  expect(await credentialsLogin(baseURL!, "127.0.0.99", owner.email, PASSWORD)).toMatch(/^rate_limited_/);
  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  await freshPage.goto("/login");
  await freshPage.getByLabel("Email").fill(owner.email);
  await freshPage.getByLabel("Password").fill(PASSWORD);
  await freshPage.getByRole("button", { name: "Log in" }).click();
  await expect(freshPage.getByText(/Too many wrong passwords\. For your safety, try again in/)).toBeVisible();
  await fresh.close();
  // … but the owner's own browser logs in.
  await loginThroughForm(page, owner.email);
  await expect(page).toHaveURL(/\/(athlete|coach|settings)?$/);
});

test("repeated failures pause logins from that address with a clear message", async ({ page, db }) => {
  const user = await db.createUser("Locked");
  for (let i = 0; i < 5; i++) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(`wrong ${i}`);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  }
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText(/Too many wrong passwords\. For your safety, try again in 1[45] minutes\./)).toBeVisible();
});

test("password re-checks in settings are throttled like logins", async ({ page, db, baseURL }) => {
  const user = await db.createUser("Rechecker");
  await loginThroughForm(page, user.email);
  await page.goto("/settings");
  const submit = async (current: string) => {
    await page.getByLabel("Current password").fill(current);
    await page.getByLabel("New password", { exact: true }).fill("my new password 42");
    await page.getByLabel("New password again").fill("my new password 42");
    // Each answer is awaited before the next try, so no two submissions overlap.
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/settings");
    await page.getByRole("button", { name: "Change password" }).click();
    await answered;
    // React empties the form once the action's answer is applied; typing before that would be wiped.
    await expect(page.getByLabel("Current password")).toHaveValue("");
  };
  for (let i = 0; i < 5; i++) {
    await submit(`wrong ${i}`);
    await expect(page.getByText("That is not your current password")).toBeVisible();
  }
  await submit(PASSWORD);
  await expect(page.getByText(/Too many wrong passwords\. For your safety, try again in/)).toBeVisible();
  // The password did not change: the old one still logs in elsewhere.
  expect(await credentialsLogin(baseURL!, "127.0.0.5", user.email, PASSWORD)).toBe("ok");
});

test("hostile archives are refused at once with their reasons, and nothing is imported", async ({ page, db }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "hostile-"));
  // The one with thousands of problems last: the preview lists the first 500 rows.
  const archives = (await hostileArchives()).sort((a, b) => Number(a.name === "gz-bombs.zip") - Number(b.name === "gz-bombs.zip"));
  const files = archives.map((a) => {
    const file = path.join(dir, a.name);
    writeFileSync(file, a.bytes);
    return file;
  });
  const { athlete } = await db.squadWithAthlete("Bombed");
  await loginThroughForm(page, athlete.email);
  await page.goto("/athlete/import");
  await page.getByLabel("Files").setInputFiles(files);
  const started = Date.now();
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText(/^0 to add, 0 skipped, 0 already there, \d+ cannot be read\./)).toBeVisible();
  // Upload and answer on localhost: a few seconds at most, not the minutes of inflating gigabytes.
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(page.getByRole("row", { name: /liar\.zip: run\.gpx.*expands to more than the size it declares/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /overlap\.zip.*it does not look like an archive a device or service made/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /nested-entries\.zip.*list more than 20000 files together/ }).first()).toBeVisible();
  await expect(page.getByRole("row", { name: /gz-bombs\.zip: x0\.fit\.gz.*expands more than 100 times its size/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /five-99mb\.zip: run0\.fit.*expands to 99 MB; the limit is 25 MB/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /repeated\.zip.*lists run\.gpx more than once/ })).toBeVisible();
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(0);
});
