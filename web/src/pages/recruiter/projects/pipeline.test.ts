import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextStage, STAGE_LABEL, STAGES } from './pipeline.ts';

test('advancing follows the path and stops at its end and off it', () => {
  assert.equal(nextStage('uncontacted'), 'contacted');
  assert.equal(nextStage('replied'), 'screening');
  assert.equal(nextStage('offer'), 'hired');
  assert.equal(nextStage('hired'), null);
  assert.equal(nextStage('rejected'), null);
  assert.equal(nextStage('withdrawn'), null);
});

test('every stage has a label', () => {
  assert.deepEqual(Object.keys(STAGE_LABEL), [...STAGES]);
});
