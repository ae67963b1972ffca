import { describe, expect, it } from "vitest";
import { controlCharacterErrors, runForm } from "./forms";
import { CONTROL_CHARACTERS_MESSAGE } from "./input-schemas";

const form = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  return data;
};

describe("the form runner", () => {
  it("finds control characters in any posted field but passwords", () => {
    expect(controlCharacterErrors(form([["notes", "line one\nline two\ttab"], ["title", "ok"]]))).toBeNull();
    expect(
      controlCharacterErrors(form([["notes", "a\u0000b"], ["squadId", "\u0001"], ["password", "pass\u0000word"], ["$ACTION_ID_1", ""]])),
    ).toEqual({ notes: [CONTROL_CHARACTERS_MESSAGE], squadId: [CONTROL_CHARACTERS_MESSAGE] });
  });

  it("refuses such a form before the action's body runs, and echoes what was typed", async () => {
    let ran = false;
    const state = await runForm(form([["title", "Core\u0000"]]), async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    expect(state).toEqual({
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: { title: [CONTROL_CHARACTERS_MESSAGE] },
      values: { title: "Core\u0000" },
    });
  });
});
