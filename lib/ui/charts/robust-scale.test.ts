import { describe, expect, it } from "vitest";
import { clipRows, niceCeil, percentile95, robustTop } from "./robust-scale";

describe("robustTop", () => {
  it("clips one value far above the rest (the 52-week monotony of 86)", () => {
    const weeks = Array.from({ length: 51 }, (_, i) => 1.2 + (i % 10) / 10);
    // The rest peak at 2.1: the top is 2.1 x 1.1 = 2.31, rounded up to 2.5.
    expect(robustTop([...weeks, 86])).toBe(2.5);
  });

  it("does not clip when the largest value is within 3x the 95th percentile", () => {
    const values = [10, 12, 14, 15, 18, 20, 22, 25, 28, 30, 60];
    expect(robustTop(values)).toBeNull();
  });

  it("does not clip with too few values", () => {
    expect(robustTop([1, 1, 1, 1, 1, 1, 100])).toBeNull();
  });

  it("ignores nulls, zeros and non-finite values", () => {
    const values = [null, 0, undefined, NaN, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 200];
    expect(robustTop(values)).toBe(10); // 5 x 1.1 = 5.5, rounded up to 10
  });

  it("keeps every value when too many are large (the 95th percentile is then one of them)", () => {
    const values = [...Array.from({ length: 10 }, () => 1), 100, 100];
    expect(robustTop(values)).toBeNull();
  });
});

describe("helpers", () => {
  it("percentile95 by nearest rank", () => {
    expect(percentile95(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(19);
    expect(percentile95([3])).toBe(3);
  });

  it("niceCeil", () => {
    expect(niceCeil(2.31)).toBe(2.5);
    expect(niceCeil(0.7)).toBe(1);
    expect(niceCeil(131)).toBe(200);
    expect(niceCeil(2000)).toBe(2000);
    expect(niceCeil(4.2)).toBe(5);
  });

  it("clipRows caps shown values, marks the clipped and keeps the true value", () => {
    const rows = clipRows([{ date: "a", m: 1 }, { date: "b", m: 86 }, { date: "c", m: null }], ["m"], 2.5);
    expect(rows[0]).toMatchObject({ m: 1, mShown: 1, mOver: null });
    expect(rows[1]).toMatchObject({ m: 86, mShown: 2.5, mOver: 2.5 });
    expect(rows[2]).toMatchObject({ m: null, mShown: null, mOver: null });
    expect(clipRows([{ m: 86 }], ["m"], null)[0]).toMatchObject({ mShown: 86, mOver: null });
  });
});
