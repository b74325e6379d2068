import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalCdf, normalQuantile, twoProportionTest } from './stats.ts';

const close = (a: number | null, b: number, eps: number, what: string) =>
  assert.ok(a !== null && Math.abs(a - b) <= eps, `${what}: ${a} vs ${b}`);

test('the normal distribution function against tabulated values', () => {
  close(normalCdf(0), 0.5, 1e-15, 'Φ(0)');
  close(normalCdf(1), 0.8413447460685429, 1e-14, 'Φ(1)');
  close(normalCdf(1.96), 0.9750021048517795, 1e-14, 'Φ(1.96)');
  close(normalCdf(-3), 0.0013498980316300946, 1e-15, 'Φ(-3)');
  close(normalCdf(-6), 9.865876450376946e-10, 1e-18, 'Φ(-6)');
  close(normalCdf(2.5758293035489004), 0.995, 1e-14, 'Φ(z 0.995)');
  assert.equal(normalCdf(40), 1);
  assert.equal(normalCdf(-40), 0);
});

test('the normal quantile against tabulated values', () => {
  close(normalQuantile(0.975), 1.959963984540054, 1e-12, 'z 0.975');
  close(normalQuantile(0.95), 1.6448536269514722, 1e-12, 'z 0.95');
  close(normalQuantile(0.995), 2.5758293035489004, 1e-12, 'z 0.995');
  close(normalQuantile(0.001), -3.090232306167813, 1e-12, 'z 0.001');
  close(normalQuantile(0.5), 0, 1e-15, 'z 0.5');
  assert.equal(normalQuantile(0), -Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});

test('the quantile inverts the distribution function', () => {
  fc.assert(
    fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (p) => {
      close(normalCdf(normalQuantile(p)), p, 1e-12 + p * 1e-9, `p=${p}`);
    }),
  );
});

test("two proportions: the seed's 12/30 against 6/30 as R's prop.test(correct = FALSE)", () => {
  // prop.test(c(12, 6), c(30, 30), correct = FALSE): X-squared = 2.8571, p-value = 0.09097
  const r = twoProportionTest({ x: 12, n: 30 }, { x: 6, n: 30 });
  assert.equal(r.status, 'ok');
  close(r.difference, -0.2, 1e-15, 'difference');
  close(r.z! * r.z!, 20 / 7, 1e-12, 'z² = X-squared');
  close(r.pValue, 0.09097, 5e-6, 'p-value');
  // Wald interval of the difference: -0.2 ± 1.959964 * sqrt(0.4*0.6/30 + 0.2*0.8/30)
  close(r.confidenceInterval!.low, -0.2 - 1.959963984540054 * Math.sqrt(0.4 / 30), 1e-12, 'low');
  close(r.confidenceInterval!.high, -0.2 + 1.959963984540054 * Math.sqrt(0.4 / 30), 1e-12, 'high');
  assert.equal(r.significant, false);
});

test('two proportions: 45/100 against 30/100 and the seed agency’s 14% -> 31%', () => {
  // prop.test(c(30, 45), c(100, 100), correct = FALSE): X-squared = 4.8, p-value = 0.02846; the
  // interval of B - A is 0.15 ± 1.959964 * sqrt(0.45 * 0.55 / 100 + 0.3 * 0.7 / 100)
  const a = twoProportionTest({ x: 30, n: 100 }, { x: 45, n: 100 });
  close(a.z! * a.z!, 4.8, 1e-12, 'X-squared');
  close(a.pValue, 0.02846, 5e-6, 'p');
  close(a.confidenceInterval!.low, 0.0174305, 1e-7, 'low');
  close(a.confidenceInterval!.high, 0.2825695, 1e-7, 'high');
  assert.equal(a.significant, true);
  // prop.test(c(14, 31), c(100, 100), correct = FALSE): X-squared = 8.2867, p-value = 0.003994
  const seed = twoProportionTest({ x: 14, n: 100 }, { x: 31, n: 100 }, { level: 0.99 });
  close(seed.z! * seed.z!, 8.286738, 1e-6, 'X-squared');
  close(seed.pValue, 0.003994, 5e-7, 'p');
  assert.equal(seed.significant, true, 'significant at 1%');
  assert.equal(seed.confidenceInterval!.level, 0.99);
});

test('not enough data below the minimum sample or with too few responses', () => {
  const small = twoProportionTest({ x: 3, n: 10 }, { x: 5, n: 12 });
  assert.equal(small.status, 'not_enough_data');
  assert.match(small.reason!, /at least 30 sends/);
  assert.equal(small.pValue, null);
  close(small.rateA, 0.3, 1e-15, 'rates are still given');
  const rare = twoProportionTest({ x: 1, n: 40 }, { x: 2, n: 40 });
  assert.equal(rare.status, 'not_enough_data');
  assert.match(rare.reason!, /normal approximation/);
  assert.equal(twoProportionTest({ x: 0, n: 0 }, { x: 0, n: 0 }, { minSample: 0 }).status, 'not_enough_data');
});

test('swapping the variants negates the difference and keeps the p-value; the interval holds it', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 30, max: 2000 }),
      fc.integer({ min: 30, max: 2000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (na, nb, pa, pb) => {
        const a = { x: Math.round(na * pa), n: na };
        const b = { x: Math.round(nb * pb), n: nb };
        const ab = twoProportionTest(a, b);
        const ba = twoProportionTest(b, a);
        assert.equal(ab.status, ba.status);
        if (ab.status !== 'ok') return;
        close(ab.difference, -ba.difference!, 1e-12, 'difference');
        close(ab.pValue, ba.pValue!, 1e-12, 'p');
        assert.ok(ab.pValue! >= 0 && ab.pValue! <= 1);
        assert.ok(
          ab.confidenceInterval!.low <= ab.difference! && ab.difference! <= ab.confidenceInterval!.high,
        );
      },
    ),
  );
});
