import { describe, expect, it } from "vitest";
import { parseAthleteTab, tabHref } from "./athlete-tabs";

describe("the athlete page's tab in the address", () => {
  it("reads a known tab and falls back to the summary", () => {
    expect(parseAthleteTab({ tab: "load" })).toBe("load");
    expect(parseAthleteTab({ tab: ["profile", "load"] })).toBe("profile");
    expect(parseAthleteTab({ tab: "nonsense" })).toBe("summary");
    expect(parseAthleteTab({})).toBe("summary");
  });

  it("sends a chart period without a tab to the load tab", () => {
    expect(parseAthleteTab({ range: "4w" })).toBe("load");
    expect(parseAthleteTab({ range: "custom", from: "2026-01-01" })).toBe("load");
    expect(parseAthleteTab({ tab: "plan", range: "4w" })).toBe("plan");
  });

  it("keeps to the tabs a page has", () => {
    expect(parseAthleteTab({ tab: "plan" }, ["summary", "load", "sessions"])).toBe("summary");
    expect(parseAthleteTab({ range: "4w" }, ["summary", "sessions"])).toBe("summary");
  });

  it("writes the summary as the bare address", () => {
    expect(tabHref("/a", "summary")).toBe("/a");
    expect(tabHref("/a", "back")).toBe("/a?tab=back");
  });
});
