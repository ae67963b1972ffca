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
