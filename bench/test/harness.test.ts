// The harness decides PASS/MISS: its arithmetic and its interleaving order are pinned here.
import { describe, expect, it } from "vitest";
import { atLeast, atMost, interleave, median, sample, verdict } from "../src/harness.js";

describe("median and sample", () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])("median of %j is %d", (xs, expected) => {
    expect(median(xs)).toBe(expected);
  });

  it("keeps the spread and the round count", () => {
    expect(sample([4, 9, 1, 7, 5])).toEqual({ median: 5, min: 1, max: 9, rounds: 5 });
  });
});

describe("verdict", () => {
  it.each([
    [1.05, atMost(1.05), "PASS"],
    [1.1, atMost(1.05), "MISS by 4.8 %"],
    [0.95, atLeast(0.95), "PASS"],
    [0.9, atLeast(0.95), "MISS by 5.3 %"],
    [Number.NaN, atMost(1), "MISS (no figure)"],
  ])("ratio %d against %j is %s", (ratio, goal, expected) => {
    expect(verdict(ratio, goal)).toBe(expected);
  });
});

describe("interleave", () => {
  it("rotates the starting variant each round and collects every round", async () => {
    const order: string[] = [];
    const variant = (name: string, value: number) => ({
      name,
      run: async (round: number) => {
        order.push(`${round}${name}`);
        return value + round;
      },
    });
    const result = await interleave([variant("A", 10), variant("B", 20), variant("C", 30)], 3);
    expect(order).toEqual(["0A", "0B", "0C", "1B", "1C", "1A", "2C", "2A", "2B"]);
    expect(result.get("B")).toEqual({ median: 21, min: 20, max: 22, rounds: 3 });
  });
});
