import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openingView } from './inboxViews.ts';

const none = { mine: 0, claimable: 0, verify: 0, campaigns: 0, warnings: 0, schedule: 0 };

describe('openingView: the inbox opens on the tab that has work', () => {
  it('my own tasks first', () => {
    assert.equal(openingView({ mine: 2, claimable: 5, verify: 1, campaigns: 3, warnings: 1, schedule: 2 }), 'mine');
  });
  it('tasks to claim when none of mine wait', () => {
    assert.equal(openingView({ ...none, claimable: 1, campaigns: 4 }), 'claimable');
  });
  it('then warnings to handle, before complaints', () => {
    assert.equal(openingView({ ...none, warnings: 1, verify: 1, campaigns: 4 }), 'warnings');
  });
  it('then complaints to verify, then campaign houses', () => {
    assert.equal(openingView({ ...none, verify: 1, campaigns: 4 }), 'verify');
    assert.equal(openingView({ ...none, campaigns: 4 }), 'campaigns');
  });
  it('then the scheduled inspections (定期巡查)', () => {
    assert.equal(openingView({ ...none, schedule: 2 }), 'schedule');
    assert.equal(openingView({ ...none, campaigns: 1, schedule: 2 }), 'campaigns');
  });
  it('my tasks when nothing waits anywhere', () => {
    assert.equal(openingView(none), 'mine');
  });
});
