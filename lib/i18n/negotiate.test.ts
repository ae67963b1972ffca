import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "@/lib/i18n/negotiate";

describe("the language of a request", () => {
  it("follows Accept-Language by quality", () => {
    expect(negotiateLocale("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(negotiateLocale("en-US,en;q=0.9,es;q=0.8")).toBe("en");
    expect(negotiateLocale("fr-FR,fr;q=0.9,es;q=0.5")).toBe("es");
    expect(negotiateLocale("de-DE")).toBe("en");
  });

  it("reads a missing, empty, malformed or huge header as English", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
    expect(negotiateLocale(";;;q=abc,,")).toBe("en");
    expect(negotiateLocale("x".repeat(100_000))).toBe("en");
  });

  it("puts the person's own setting before the browser's", () => {
    expect(resolveLocale("es", "en-GB")).toBe("es");
    expect(resolveLocale(null, "es-ES")).toBe("es");
    expect(resolveLocale("klingon", "es-ES")).toBe("es");
  });

  it("puts a logged-out visitor's chosen language between the setting and the browser's", () => {
    expect(resolveLocale(null, "en-US,en;q=0.9", "es")).toBe("es");
    expect(resolveLocale("en", "es-ES", "es")).toBe("en");
    expect(resolveLocale(undefined, "es-ES", "en")).toBe("en");
    expect(resolveLocale(null, "es-ES", "fr")).toBe("es");
    expect(resolveLocale(null, "es-ES", "")).toBe("es");
    expect(resolveLocale(null, null, undefined)).toBe("en");
  });
});
