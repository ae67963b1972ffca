import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("follows paths of this site, with their query", () => {
    for (const path of ["/", "/coach", "/coach/squads/c123/athletes/c456?range=custom&from=2026-01-01", "/invite/AbC-_x9", "/athlete?note=a%20b"]) {
      expect(safeCallbackUrl(path)).toBe(path);
    }
  });

  it("sends everything else to /", () => {
    const hostile = [
      undefined,
      null,
      42,
      ["/coach"],
      "",
      "coach",
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      // Browsers drop tabs and line breaks, which leaves "//evil.example".
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      // The same, percent-encoded once or twice.
      "/%2f/evil.example",
      "/%2F%2Fevil.example",
      "/%252f/evil.example",
      "/%5cevil.example",
      "/%09/evil.example",
      // Control characters, which fail the redirect's Location header.
      "/coach\u0000",
      "/coach\r\nSet-Cookie: a=b",
      "/coach%00",
      "/coach?x=%0d%0aSet-Cookie:%20a",
      "/coach\u0085",
      "/ coach",
      // Not valid percent-encoding.
      "/coach%ff",
      "/coach%",
      `/${"a".repeat(600)}`,
    ];
    for (const value of hostile) expect(safeCallbackUrl(value), JSON.stringify(value)).toBe("/");
  });
});
