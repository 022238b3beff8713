import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Response } from 'express';
import { send } from './format.ts';

/** What `send` writes: only status, type and body are used. */
function capture() {
  const out = { status: 0, type: '', body: '' };
  const res = {
    status(code: number) {
      out.status = code;
      return res;
    },
    type(value: string) {
      out.type = value;
      return res;
    },
    send(body: string) {
      out.body = body;
      return res;
    },
  };
  return { out, res: res as unknown as Response };
}

test('text that XML 1.0 cannot hold (stored before the edge refused it) is left out, so the list stays well-formed', () => {
  const { out, res } = capture();
  send(res, 'xml', 200, 'service_requests', 'request', [
    { description: 'a\u0001b\u0000c\u001f<&>\ud800\uffff', status_notes: '第一行\n第二行\t😀' },
  ]);
  assert.equal(out.status, 200);
  // XML 1.0's Char production.
  const xmlChar = (cp: number) =>
    cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
  assert.deepEqual(
    [...out.body].filter((c) => !xmlChar(c.codePointAt(0) ?? 0)),
    [],
  );
  assert.match(out.body, /<description>abc&lt;&amp;&gt;<\/description>/);
  assert.match(out.body, /<status_notes>第一行\n第二行\t😀<\/status_notes>/);
});
