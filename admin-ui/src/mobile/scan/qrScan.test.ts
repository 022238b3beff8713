import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildingCode } from '../../../../domain/buildings/code.ts';
import { labelUrl } from '../../../../domain/labels/qr.ts';
import { houseCodeOf } from './qrScan.ts';

const CODE = buildingCode('441802006001', 18);
const X_CODE = '44180200600100001X';

describe('reading a scanned QR', () => {
  test('a label’s URL gives its house code, whatever host the label was printed with', () => {
    assert.equal(houseCodeOf(labelUrl('https://ydym.example.cn', CODE)), CODE);
    assert.equal(houseCodeOf(labelUrl('http://192.168.1.20:3000', CODE)), CODE);
    assert.equal(houseCodeOf(labelUrl('https://gov.example.cn/ydym', CODE)), CODE, 'under a base path');
  });

  test('a trailing slash, a query, a lower-case x and spaces around the text are accepted', () => {
    assert.equal(houseCodeOf(`https://ydym.example.cn/m/b/${CODE}/`), CODE);
    assert.equal(houseCodeOf(`https://ydym.example.cn/m/b/${CODE}?from=label#top`), CODE);
    assert.equal(houseCodeOf(`https://ydym.example.cn/m/b/${X_CODE.toLowerCase()}`), X_CODE);
    assert.equal(houseCodeOf(`  https://ydym.example.cn/m/b/${CODE}\n`), CODE);
  });

  test('a bare 18-character code is a house code', () => {
    assert.equal(houseCodeOf(CODE), CODE);
    assert.equal(houseCodeOf(X_CODE.toLowerCase()), X_CODE);
  });

  test('a code with a wrong check character still opens the house page, which says what is wrong', () => {
    const wrong = CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0');
    assert.equal(houseCodeOf(labelUrl('https://ydym.example.cn', wrong)), wrong);
  });

  test('anything else is not a house label', () => {
    for (const text of [
      'https://www.example.com/',
      'https://ydym.example.cn/m/b/4418020060010000',
      `https://ydym.example.cn/m/b/${CODE}/inspect`,
      `https://ydym.example.cn/m/c/${CODE}`,
      `https://ydym.example.cn/x/${CODE}`,
      `ftp://ydym.example.cn/m/b/${CODE}`,
      `javascript:alert(1)//m/b/${CODE}`,
      `${CODE}0`,
      'WIFI:S:home;T:WPA;P:secret;;',
      '',
    ]) {
      assert.equal(houseCodeOf(text), null, text);
    }
  });
});
