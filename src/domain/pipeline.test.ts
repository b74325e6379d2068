import assert from 'node:assert/strict';
import { test } from 'node:test';
import { autoMove, autoMoveFrom, initialStage, isScreened, STAGES } from './pipeline.ts';

test('InMail events move candidates forward out of the early stages only', () => {
  assert.equal(autoMove('uncontacted', 'contacted'), 'contacted');
  assert.equal(autoMove('contacted', 'contacted'), null);
  assert.equal(autoMove('uncontacted', 'replied'), 'replied');
  assert.equal(autoMove('contacted', 'replied'), 'replied');
  for (const s of ['replied', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'] as const) {
    assert.equal(autoMove(s, 'contacted'), null, s);
    assert.equal(autoMove(s, 'replied'), null, s);
  }
  assert.deepEqual(autoMoveFrom('contacted'), ['uncontacted']);
  assert.deepEqual(autoMoveFrom('replied'), ['uncontacted', 'contacted']);
});

test('screened means screening or a later stage on the path', () => {
  assert.deepEqual(STAGES.filter(isScreened), ['screening', 'interview', 'offer', 'hired']);
});

test('a new candidate starts where the outreach left them', () => {
  assert.equal(initialStage({ contacted: false, replied: false }), 'uncontacted');
  assert.equal(initialStage({ contacted: true, replied: false }), 'contacted');
  assert.equal(initialStage({ contacted: true, replied: true }), 'replied');
});
