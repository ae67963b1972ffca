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
});
