import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeReturnPath, signInReturningTo } from './returnPath.ts';

const ORIGIN = 'https://ydym.example.cn';

describe('safeReturnPath: only a path of this site is followed after sign-in', () => {
  it('keeps a path of this site, with its query', () => {
    assert.equal(safeReturnPath('/m/b/44180200600100001X', ORIGIN), '/m/b/44180200600100001X');
    assert.equal(safeReturnPath('/inbox?view=verify', ORIGIN), '/inbox?view=verify');
  });

  it('refuses other sites however they are written', () => {
    for (const outside of [
      'https://evil.example.com/',
      'http://evil.example.com',
      '//evil.example.com/m/b/1',
      '/\\evil.example.com',
      '/\t/evil.example.com',
      'javascript:alert(1)',
      'evil.example.com',
      ' /m/b/1',
    ])
      assert.equal(safeReturnPath(outside, ORIGIN), null, outside);
  });

  it('refuses nothing at all, and the sign-in page itself', () => {
    assert.equal(safeReturnPath(null, ORIGIN), null);
    assert.equal(safeReturnPath('', ORIGIN), null);
    assert.equal(safeReturnPath('/login?next=/login', ORIGIN), null);
  });

  it('the sign-in link carries the path encoded, and reads back the same', () => {
    const link = signInReturningTo('/m/b/44180200600100001X');
    const next = new URL(link, ORIGIN).searchParams.get('next');
    assert.equal(safeReturnPath(next, ORIGIN), '/m/b/44180200600100001X');
  });
});
