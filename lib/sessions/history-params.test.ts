import { describe, expect, it } from "vitest";
import { DEFAULT_HISTORY_QUERY, escapeLike, historySearch, isFiltered, parseHistoryQuery } from "@/lib/sessions/history-params";

describe("parseHistoryQuery", () => {
  it("gives the defaults for an empty query", () => {
    expect(parseHistoryQuery({})).toEqual(DEFAULT_HISTORY_QUERY);
    expect(isFiltered(parseHistoryQuery({}))).toBe(false);
  });

  it("reads every parameter", () => {
    expect(
      parseHistoryQuery({
        from: "2025-01-01",
        to: "2025-12-31",
        type: "RUN",
        source: "STRAVA",
        shoe: "cm1shoe",
        q: "  hill   repeats ",
        review: "1",
        sort: "load",
        dir: "asc",
        page: "3",
      }),
    ).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
      type: "RUN",
      source: "STRAVA",
      shoeId: "cm1shoe",
      q: "hill repeats",
      review: true,
      sort: "load",
      dir: "asc",
      page: 3,
    });
  });

  it("falls back to the default for each bad value, keeping the good ones", () => {
    const q = parseHistoryQuery({
      from: "2025-02-30",
      to: "yesterday",
      type: "SWIM",
      source: "manual",
      shoe: "'; drop table",
      q: "x".repeat(101),
      review: "yes",
      sort: "pace",
      dir: "up",
      page: "0",
    });
    expect(q).toEqual(DEFAULT_HISTORY_QUERY);
    expect(parseHistoryQuery({ page: "-2", sort: "distance" })).toEqual({ ...DEFAULT_HISTORY_QUERY, sort: "distance" });
    for (const page of ["1.5", "1e3", "abc", "9999999", "", " "]) expect(parseHistoryQuery({ page }).page).toBe(1);
  });

  it("takes the first of repeated parameters and ignores unknown ones", () => {
    expect(parseHistoryQuery({ type: ["CORE", "RUN"], page: ["2", "5"], other: "x" })).toMatchObject({ type: "CORE", page: 2 });
  });

  it("treats blank fields, as an empty GET form sends them, as not set", () => {
    expect(parseHistoryQuery({ from: "", to: "", type: "", source: "", shoe: "", q: "   ", sort: "date", dir: "desc" })).toEqual(DEFAULT_HISTORY_QUERY);
  });

  it("puts a reversed date range the right way round", () => {
    expect(parseHistoryQuery({ from: "2025-06-01", to: "2025-01-01" })).toMatchObject({ from: "2025-01-01", to: "2025-06-01" });
  });

  it("ignores dates before the year 1000, which the database cannot hold", () => {
    expect(parseHistoryQuery({ from: "0000-01-01", to: "0999-12-31" })).toEqual(DEFAULT_HISTORY_QUERY);
    expect(parseHistoryQuery({ from: "1000-01-01" }).from).toBe("1000-01-01");
  });

  it("refuses control characters in the text", () => {
    expect(parseHistoryQuery({ q: "a\u0000b" }).q).toBeNull();
  });
});

describe("historySearch", () => {
  it("leaves the defaults out", () => {
    expect(historySearch(DEFAULT_HISTORY_QUERY)).toBe("");
    expect(historySearch({ ...DEFAULT_HISTORY_QUERY, page: 2, q: "50% tempo & hills" })).toBe("?q=50%25+tempo+%26+hills&page=2");
  });

  it("round-trips through the parser", () => {
    const query = parseHistoryQuery({ from: "2024-03-01", type: "STRENGTH", shoe: "abc", review: "1", sort: "duration", dir: "asc", page: "7", q: "gym" });
    const params = Object.fromEntries(new URLSearchParams(historySearch(query)));
    expect(parseHistoryQuery(params)).toEqual(query);
  });
});

describe("escapeLike", () => {
  it("escapes the wildcards and the escape character", () => {
    expect(escapeLike("100%_done\\ok")).toBe("100\\%\\_done\\\\ok");
    expect(escapeLike("plain")).toBe("plain");
  });
});
