import { describe, expect, it } from "vitest";
import { differenceInDifferences, tQuantile } from "./estimator";

describe("the difference-in-differences estimator", () => {
  it("finds Student's t quantiles of the printed tables", () => {
    // Tables of t(0.975, ν): 12.706 (1), 2.776 (4), 2.228 (10), 2.042 (30); 1.960 as ν → ∞.
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.77645, 4);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.22814, 4);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.04227, 4);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.95997, 4);
  });

  it("gives the worked example's estimate and interval, computed by hand", () => {
    // Three participating schools, bullied share (per cent) before → after:
    //   A 8 → 5 (−3), B 10 → 6 (−4), C 7 → 5 (−2): mean change −3.
    // Three schools not taking part:
    //   D 6 → 6 (0), E 9 → 8 (−1), F 5 → 6 (+1): mean change 0.
    // DiD = −3 − 0 = −3 percentage points.
    // Sample variances of the changes: treated ((0)² + (−1)² + (1)²) / 2 = 1;
    // control ((0)² + (−1)² + (1)²) / 2 = 1. SE² = 1/3 + 1/3 = 2/3, SE = 0.816497.
    // Welch–Satterthwaite: ν = (2/3)² / ((1/3)²/2 + (1/3)²/2) = (4/9) / (1/9) = 4.
    // t(0.975, 4) = 2.776445 (tables); half-width = 2.776445 · 0.816497 = 2.266959.
    // 95 % interval: −3 ± 2.266959 = [−5.266959, −0.733041].
    const treated = [5 - 8, 6 - 10, 5 - 7];
    const control = [6 - 6, 8 - 9, 6 - 5];
    const did = differenceInDifferences(treated, control)!;
    expect(did.estimate).toBeCloseTo(-3, 10);
    expect(did.se).toBeCloseTo(0.816497, 6);
    expect(did.df).toBeCloseTo(4, 10);
    expect(did.low).toBeCloseTo(-5.266959, 5);
    expect(did.high).toBeCloseTo(-0.733041, 5);
    expect(did.treated).toEqual({ n: 3, meanChange: -3 });
    expect(did.control.n).toBe(3);
  });

  it("weighs unequal spreads and sizes as Welch does (a second example by hand)", () => {
    // Treated changes 1, 3 (mean 2, s² 2, n 2); control changes 0, 0, 0, 4 (mean 1, s² 4, n 4).
    // DiD = 1. a_T = 2/2 = 1, a_C = 4/4 = 1, SE = √2 = 1.414214.
    // ν = 2² / (1²/1 + 1²/3) = 4 / (4/3) = 3; t(0.975, 3) = 3.182446.
    // Interval 1 ± 3.182446 · 1.414214 = 1 ± 4.500659.
    const did = differenceInDifferences([1, 3], [0, 0, 0, 4])!;
    expect(did.estimate).toBeCloseTo(1, 10);
    expect(did.se).toBeCloseTo(Math.SQRT2, 10);
    expect(did.df).toBeCloseTo(3, 10);
    expect(did.low).toBeCloseTo(1 - 4.500659, 5);
    expect(did.high).toBeCloseTo(1 + 4.500659, 5);
  });

  it("gives no estimate from fewer than two units on a side", () => {
    expect(differenceInDifferences([1], [0, 1, 2])).toBeNull();
    expect(differenceInDifferences([1, 2], [0])).toBeNull();
  });
});
