/**
 * Statistics for A/B comparisons of response rates: the standard normal distribution and the
 * two-proportion z-test. Pure functions, no dependencies.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * The standard normal cumulative distribution function Φ(x), to about 1e-14 (Hart's double
 * precision algorithm, as given by West, "Better approximations to cumulative normal functions",
 * 2005).
 *
 * @example
 * normalCdf(1.96) // 0.9750021048517795
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  let tail: number;
  if (ax > 37) {
    tail = 0;
  } else {
    const e = Math.exp((-ax * ax) / 2);
    if (ax < 7.07106781186547) {
      let n = 3.52624965998911e-2 * ax + 0.700383064443688;
      n = n * ax + 6.37396220353165;
      n = n * ax + 33.912866078383;
      n = n * ax + 112.079291497871;
      n = n * ax + 221.213596169931;
      n = n * ax + 220.206867912376;
      let d = 8.83883476483184e-2 * ax + 1.75566716318264;
      d = d * ax + 16.064177579207;
      d = d * ax + 86.7807322029461;
      d = d * ax + 296.564248779674;
      d = d * ax + 637.333633378831;
      d = d * ax + 793.826512519948;
      d = d * ax + 440.413735824752;
      tail = (e * n) / d;
    } else {
      let b = ax + 0.65;
      b = ax + 4 / b;
      b = ax + 3 / b;
      b = ax + 2 / b;
      b = ax + 1 / b;
      tail = e / b / SQRT_2PI;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function poly(c: number[], x: number): number {
  let r = 0;
  for (const k of c) r = r * x + k;
  return r;
}

/**
 * The inverse of Φ: the z with Φ(z) = p, for 0 < p < 1 (Acklam's rational approximation, then one
 * Halley step against normalCdf, which makes it exact to double precision).
 *
 * @example
 * normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(C, q) / (poly(D, q) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = (poly(A, r) * q) / (poly(B, r) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -poly(C, q) / (poly(D, q) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

export interface Proportion {
  /** Successes (responses). */
  x: number;
  /** Trials (sends). */
  n: number;
}

export interface TwoProportionResult {
  /** 'not_enough_data' when an arm has fewer than minSample trials or too few successes or failures. */
  status: 'ok' | 'not_enough_data';
  reason: string | null;
  rateA: number | null;
  rateB: number | null;
  /** rateB - rateA */
  difference: number | null;
  /** Confidence interval of the difference (Wald, unpooled standard error). */
  confidenceInterval: { level: number; low: number; high: number } | null;
  /** z statistic with the pooled standard error (H0: equal rates). */
  z: number | null;
  /** Two-sided p-value. */
  pValue: number | null;
  /** pValue < 1 - level */
  significant: boolean | null;
}

/**
 * Two-proportion z-test of H0: rate A = rate B, two-sided, the statistic with the pooled standard
 * error; the confidence interval of rateB - rateA with the unpooled one. The same as R's
 * `prop.test(c(xA, xB), c(nA, nB), correct = FALSE)` (whose X-squared is z²).
 *
 * Below `minSample` trials in an arm, or when an arm expects fewer than 5 successes or failures
 * under H0 (the normal approximation does not hold), the answer is "not enough data" with the
 * rates but no test.
 *
 * @example
 * twoProportionTest({ x: 12, n: 30 }, { x: 6, n: 30 }, { minSample: 30 })
 * // { status: 'ok', difference: -0.2, z: -1.6903, pValue: 0.0910, ... }
 */
export function twoProportionTest(
  a: Proportion,
  b: Proportion,
  opts: { level?: number; minSample?: number } = {},
): TwoProportionResult {
  const level = opts.level ?? 0.95;
  const minSample = opts.minSample ?? 30;
  const rateA = a.n > 0 ? a.x / a.n : null;
  const rateB = b.n > 0 ? b.x / b.n : null;
  const difference = rateA !== null && rateB !== null ? rateB - rateA : null;
  const none = { confidenceInterval: null, z: null, pValue: null, significant: null };
  if (a.n < Math.max(1, minSample) || b.n < Math.max(1, minSample)) {
    return {
      status: 'not_enough_data',
      reason: `each variant needs at least ${minSample} sends (has ${a.n} and ${b.n})`,
      rateA,
      rateB,
      difference,
      ...none,
    };
  }
  const pooled = (a.x + b.x) / (a.n + b.n);
  const expected = Math.min(a.n, b.n) * Math.min(pooled, 1 - pooled);
  if (expected < 5) {
    return {
      status: 'not_enough_data',
      reason:
        'too few responses (or non-responses) for the normal approximation: fewer than 5 expected in a variant',
      rateA,
      rateB,
      difference,
      ...none,
    };
  }
  const pA = rateA!;
  const pB = rateB!;
  const diff = pB - pA;
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const z = diff / sePooled;
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  const se = Math.sqrt((pA * (1 - pA)) / a.n + (pB * (1 - pB)) / b.n);
  const q = normalQuantile(1 - (1 - level) / 2);
  return {
    status: 'ok',
    reason: null,
    rateA: pA,
    rateB: pB,
    difference: diff,
    confidenceInterval: { level, low: diff - q * se, high: diff + q * se },
    z,
    pValue,
    significant: pValue < 1 - level,
  };
}
