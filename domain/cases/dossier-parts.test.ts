import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorText, deadlineText } from './dossier-parts.ts';
import { ROLE_LABELS } from '../roles.ts';

test('an actor is named with account and role, so two staff of one name are told apart', () => {
  assert.equal(actorText('李同名', 'li_east', 'inspector'), `李同名（账号 li_east，${ROLE_LABELS.inspector}）`);
  assert.equal(actorText('李同名', 'li_west', null), '李同名（账号 li_west）');
  assert.equal(actorText(null, null, null), '系统');
});

test('整改期限 is the date in force, marked when it is the default', () => {
  const base = { status: 'rectifying' as const, severity: 'general' as const, definitionVersion: 2 };
  assert.equal(deadlineText({ ...base, deadlineInForce: { date: '2027-03-06', byDefault: true } }), '2027-03-06（默认期限）');
  assert.equal(deadlineText({ ...base, deadlineInForce: { date: '2027-01-15', byDefault: false } }), '2027-01-15');
});

test('before rectification starts, 整改期限 says when it will be set instead of —', () => {
  assert.equal(deadlineText({ status: 'assigning', severity: 'general', definitionVersion: 2, deadlineInForce: null }), '分派时确定');
  assert.equal(
    deadlineText({ status: 'controlling', severity: 'serious', definitionVersion: 2, deadlineInForce: null }),
    '管控完成、开始整改起 30 天（默认期限）',
  );
});
