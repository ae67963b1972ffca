import { test, expect, login, loginThroughForm, uniqueEmail, PASSWORD } from "./fixtures";

// Sign-ups are limited per address (SIGNUP_MAX_PER_IP is 3 for the tests), and the browser always comes
// from 127.0.0.1: the specs that sign up run one after the other, the throttled one last.
test.describe.configure({ mode: "serial" });

test("a coach signs up, logs out and logs back in", async ({ page }) => {
  const email = uniqueEmail("coach");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Carmen Coach");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long password 1");
  await page.getByLabel("Your first squad's name").fill("Riverside Runners");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/coach$/);
  await expect(page.getByRole("heading", { name: "Riverside Runners" })).toBeVisible();

  await page.getByRole("button", { name: /Log out/ }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("You are logged out.")).toBeVisible();
  await page.goto("/coach");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcoach/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long password 1");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/coach$/);
  await expect(page.getByRole("heading", { name: "Your squads" })).toBeVisible();
});

test("sign-up with bad input shows each problem and creates nothing", async ({ page, db }) => {
  const email = uniqueEmail("bad");
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  expect(await db.query(`SELECT id FROM "User" WHERE email = $1`, [email])).toHaveLength(0);
});

test("a wrong password gets a clear message", async ({ page, db }) => {
  const user = await db.createUser("Wrong Pw");
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("changing the password logs out and the new one works", async ({ page, db }) => {
  const user = await db.createUser("Changer");
  await loginThroughForm(page, user.email);
  await page.goto("/settings");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("my new password 42");
  await page.getByLabel("New password again").fill("my new password 42");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Log in with your new password.")).toBeVisible();
  await loginThroughForm(page, user.email, "my new password 42");
  await expect(page).toHaveURL(/\/settings$/);
});

test("a visitor switches the login and sign-up pages to Spanish and back", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { name: "Iniciar sesión" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByLabel("Correo electrónico")).toBeVisible();
  // The choice is kept for the visit's other pages.
  await page.getByRole("link", { name: "Crea una" }).click();
  await expect(page.getByRole("heading", { name: "Crea tu cuenta de entrenador/a" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Create a coach account" })).toBeVisible();
});

test.describe("in Spanish", () => {
  test.use({ locale: "es-ES" });

  test("sign-up with bad input explains each problem in Spanish", async ({ page, db }) => {
    const email = uniqueEmail("mal");
    await page.goto("/signup");
    await expect(page.getByRole("heading", { name: "Crea tu cuenta de entrenador/a" })).toBeVisible();
    await page.getByLabel("Correo electrónico").fill(email);
    await page.getByLabel("Contraseña").fill("corta");
    await page.getByRole("button", { name: "Crear cuenta" }).click();
    await expect(page.getByText("Escribe tu nombre")).toBeVisible();
    await expect(page.getByText("Usa al menos 10 caracteres")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Revisa los campos marcados." })).toBeVisible();
    expect(await db.query(`SELECT id FROM "User" WHERE email = $1`, [email])).toHaveLength(0);
  });

  test("a coach signs up, logs out and logs back in", async ({ page }) => {
    const email = uniqueEmail("entrenadora");
    await page.goto("/signup");
    await page.getByLabel("Tu nombre").fill("Carmen Entrenadora");
    await page.getByLabel("Correo electrónico").fill(email);
    await page.getByLabel("Contraseña").fill("una contraseña larga 1");
    await page.getByLabel("Nombre de tu primer grupo").fill("Corredores del Parque");
    await page.getByRole("button", { name: "Crear cuenta" }).click();
    await expect(page).toHaveURL(/\/coach$/);
    await expect(page.getByRole("heading", { name: "Corredores del Parque" })).toBeVisible();

    await page.getByRole("button", { name: /Cerrar sesión/ }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText("Has cerrado la sesión.")).toBeVisible();
    await page.getByLabel("Correo electrónico").fill(email);
    await page.getByLabel("Contraseña").fill("una contraseña mal");
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page.getByText("Correo o contraseña incorrectos.")).toBeVisible();
    await page.getByLabel("Contraseña").fill("una contraseña larga 1");
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page).toHaveURL(/\/coach$/);
  });
});

test("the language setting puts the app in Spanish though the browser asks for English", async ({ page, db }) => {
  const user = await db.createUser("Lucía Idioma");
  await login(page, user.email);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
  await page.getByLabel("Language", { exact: true }).selectOption("es");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferencias guardadas.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Ajustes de la cuenta" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("link", { name: "Ajustes" })).toBeVisible();
  await page.goto("/inbox");
  await expect(page.getByRole("heading", { name: "Mensajes" })).toBeVisible();
  await expect(page.getByText("No tienes nada sin leer.")).toBeVisible();
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Página no encontrada" })).toBeVisible();
});

test("sign-ups are limited per address, so the form cannot test emails at speed", async ({ page, db }) => {
  const taken = await db.createUser("Taken");
  const attempt = async () => {
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Prober");
    await page.getByLabel("Email").fill(taken.email);
    await page.getByLabel("Password").fill("a long password 1");
    await page.getByLabel("Your first squad's name").fill("Probe squad");
    await page.getByRole("button", { name: "Create account" }).click();
  };
  // The English and the Spanish sign-ups above used two of the address's three.
  for (let i = 0; i < 1; i++) {
    await attempt();
    await expect(page.getByText("An account with this email already exists.").first()).toBeVisible();
  }
  await attempt();
  await expect(page.getByText(/Too many sign-ups from your network\. Please try again in (59|60) minutes\./)).toBeVisible();
  expect(await db.query(`SELECT id FROM "User" WHERE name = 'Prober'`)).toHaveLength(0);
});
