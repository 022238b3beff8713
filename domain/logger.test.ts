import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger } from './logger.ts';

test('log lines are one JSON object each, with personal data masked and secrets redacted', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().trim().split('\n'));
      done();
    },
  });
  const logger = createLogger('info', 'test', sink);
  logger.info({ requestId: 'r-1', phone: '13812345678', body: { ownerName: '张三', password: 'secret1' } }, 'called 13912345678');
  assert.equal(lines.length, 1);
  const line = JSON.parse(lines[0] ?? '{}');
  assert.equal(line.requestId, 'r-1');
  assert.equal(line.phone, '138****5678');
  assert.equal(line.body.ownerName, '张*');
  assert.equal(line.body.password, '[redacted]');
  assert.equal(line.msg, 'called 139****5678');
  assert.ok(!lines[0]?.includes('13812345678'));
});
