/**
 * The difference-in-differences estimator (decision 0037), written out so that it can be read
 * and checked against a worked example (estimator.test.ts).
 *
 * Each unit (a school or a municipality) has a share before and after; its change is
 * after − before. The estimate is the mean change of the participating units minus the mean
 * change of the units that did not take part:
 *
 *     DiD = mean(Δ treated) − mean(Δ control)
 *
 * Its variance is the two-sample (Welch) variance of the unit-level changes,
 *
 *     SE² = s²_T / n_T + s²_C / n_C     (s² the sample variances, divisor n − 1),
 *
 * with the 95 % interval DiD ± t(0.975, ν) · SE, ν by Welch–Satterthwaite:
 *
 *     ν = SE⁴ / ( (s²_T/n_T)² / (n_T − 1) + (s²_C/n_C)² / (n_C − 1) ).
 *
 * Why this variance: with two periods, taking each unit's change turns the panel into one
 * independent observation per unit, which is what clustering by unit does (the before and after
 * of one school are correlated; its change carries that); the two groups may differ in spread
 * (participating municipalities were chosen, not drawn), hence Welch rather than a pooled
 * variance; and with few units the t quantile is honest where 1.96 is not. Every unit counts
 * once, whatever its number of pupils (the export gives shares, not counts).
 */

export type Did = {
  /** Percentage points. */
  estimate: number;
  se: number;
  df: number;
  low: number;
  high: number;
  treated: { n: number; meanChange: number };
  control: { n: number; meanChange: number };
};

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Sample variance (divisor n − 1). */
function variance(xs: number[]): number {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}

/** The estimate from the units' changes; null when either group has fewer than two units. */
export function differenceInDifferences(treated: number[], control: number[]): Did | null {
  const nT = treated.length;
  const nC = control.length;
  if (nT < 2 || nC < 2) return null;
  const mT = mean(treated);
  const mC = mean(control);
  const aT = variance(treated) / nT;
  const aC = variance(control) / nC;
  const se = Math.sqrt(aT + aC);
  const df = se === 0 ? nT + nC - 2 : (aT + aC) ** 2 / (aT ** 2 / (nT - 1) + aC ** 2 / (nC - 1));
  const half = tQuantile(0.975, df) * se;
  const estimate = mT - mC;
  return {
    estimate,
    se,
    df,
    low: estimate - half,
    high: estimate + half,
    treated: { n: nT, meanChange: mT },
    control: { n: nC, meanChange: mC },
  };
}

/** ln Γ(x), Lanczos (g = 7, nine coefficients): 15 significant digits for x > 0. */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531,
    -176.61503916999186, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with ν degrees of freedom (ν may be fractional). */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t (p > 0.5), by bisection of the distribution function. */
export function tQuantile(p: number, df: number): number {
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
