import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { localizeFieldErrors, localizeServerMessage } from "@/lib/i18n/server-messages";

describe("server messages in the reader's language", () => {
  it("translates a known message and leaves English alone", () => {
    expect(localizeServerMessage("Please correct the highlighted fields.", "es")).toBe("Revisa los campos marcados.");
    expect(localizeServerMessage("Please correct the highlighted fields.", "en")).toBe("Please correct the highlighted fields.");
  });

  it("shows a message with no entry as it is", () => {
    expect(localizeServerMessage("A message nobody translated", "es")).toBe("A message nobody translated");
  });

  it("translates field errors", () => {
    expect(localizeFieldErrors({ title: ["Remove the control characters from this field"] }, "es")).toEqual({
      title: ["Quita los caracteres de control de este campo"],
    });
  });

  it("puts a rate limit's wait into the reader's language", () => {
    expect(localizeServerMessage("Too many wrong passwords. For your safety, try again in 5 minutes.", "es")).toBe(
      "Demasiadas contraseñas incorrectas. Por tu seguridad, vuelve a intentarlo dentro de 5 minutos.",
    );
    expect(localizeServerMessage("Too many sign-ups from your network. Please try again in 1 second.", "es")).toBe(
      "Demasiados registros desde tu red. Vuelve a intentarlo dentro de 1 segundo.",
    );
  });

  it("translates the account forms' field messages", () => {
    expect(localizeServerMessage("Enter a valid email address", "es")).toBe("Escribe un correo electrónico válido");
    expect(localizeServerMessage("You are the only coach of Tuesday Track. Invite another coach or remove its members before deleting your account.", "es")).toBe(
      "No hay otro entrenador/a en Tuesday Track. Invita a otro o quita a sus miembros antes de eliminar tu cuenta.",
    );
  });
});

describe("import messages reach the athlete in their language", () => {
  // Every message an import parser raises (new ImportFailure(...) in lib/imports) has a template: the
  // parts that vary are filled with a sample, and the Spanish must differ from the English.
  const dir = path.join(import.meta.dirname, "../imports");
  const messages: { file: string; text: string }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.includes(".test.") && f !== "testing.ts")) {
    const source = ts.createSourceFile(file, readFileSync(path.join(dir, file), "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isNewExpression(node) && node.expression.getText() === "ImportFailure" && node.arguments?.length) {
        const arg = node.arguments[0];
        if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) messages.push({ file, text: arg.text });
        else if (ts.isTemplateExpression(arg)) messages.push({ file, text: arg.head.text + arg.templateSpans.map((s) => `7${s.literal.text}`).join("") });
        else if (ts.isBinaryExpression(arg)) messages.push({ file, text: arg.getText() });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  // A reason the archive reader words from the archive's layout, followed by a fixed sentence: English
  // detail inside a Spanish sentence would read worse than the English one.
  const LEFT_ENGLISH = [/^7; it does not look like an archive/];

  it("finds the parsers' messages", () => {
    expect(messages.length).toBeGreaterThan(30);
  });

  it("has a Spanish template for each", () => {
    const untranslated = messages
      .filter(({ text }) => !LEFT_ENGLISH.some((r) => r.test(text)))
      .filter(({ text }) => !/^[`"]/.test(text)) // concatenations are checked below
      .filter(({ text }) => localizeServerMessage(text, "es") === text)
      .map(({ file, text }) => `${file}: ${text}`);
    expect(untranslated).toEqual([]);
  });

  it("translates the messages built in several parts", () => {
    expect(
      localizeServerMessage(
        "This CSV is neither a Strava activities.csv nor a Garmin Connect Activities.csv (its header has no Activity Date or Date column beside Activity Type)",
        "es",
      ),
    ).toMatch(/^Este CSV no es/);
    expect(
      localizeServerMessage("This GPX file is incomplete: it stops at line 12, before the end of <trk>, <gpx> (it was probably cut off during download or export)", "es"),
    ).toBe("Este archivo GPX está incompleto: termina en la línea 12, antes del final de <trk>, <gpx> (probablemente se cortó al descargarlo o exportarlo)");
  });
});
