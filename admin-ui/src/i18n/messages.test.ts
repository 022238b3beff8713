import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import raEnglish from 'ra-language-english';
import { appEnglish } from './en.ts';
import { raChinese } from './raChinese.ts';
import { appChinese } from './zh.ts';

/** Every message as a `dotted.key → text` pair. */
function flatten(messages: object, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else if (typeof value === 'object' && value !== null) for (const entry of flatten(value, path)) flat.set(...entry);
  }
  return flat;
}

const placeholders = (text: string) => new Set([...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]));

describe('the Chinese dictionary', () => {
  const english = flatten({ ra: raEnglish.ra });
  const chinese = flatten(raChinese);

  test('translates every react-admin message, so no English key path ever reaches a user', () => {
    const missing = [...english.keys()].filter((k) => !chinese.has(k));
    assert.deepEqual(missing, []);
  });

  test('has no react-admin keys that react-admin does not use', () => {
    const extra = [...chinese.keys()].filter((k) => !english.has(k));
    assert.deepEqual(extra, []);
  });

  test('uses only placeholders that react-admin fills in', () => {
    for (const [key, text] of chinese) {
      const known = placeholders(english.get(key) ?? '');
      for (const name of placeholders(text)) assert.ok(known.has(name), `${key} uses unknown %{${name}}`);
    }
  });

  test('keeps the one-form plural that Chinese needs (no "||||" variants)', () => {
    for (const [key, text] of chinese) assert.ok(!text.includes('||||'), `${key} has plural variants`);
  });

  test('has the same app messages as English, with the same placeholders', () => {
    const en = flatten(appEnglish);
    const zh = flatten(appChinese);
    assert.deepEqual([...zh.keys()].sort(), [...en.keys()].sort());
    for (const [key, text] of zh) {
      assert.deepEqual(placeholders(text), placeholders(en.get(key) ?? ''), `${key} placeholders differ`);
    }
  });
});
