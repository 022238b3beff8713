import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clearSpot } from './useKeepInView.ts';

/** A phone's map 390 × 590 with the card over its lower 360 pixels; a laptop's with it on the right. */
const PHONE_CARD = { left: 0, top: 230, right: 390, bottom: 590 };
const SIDE_CARD = { left: 640, top: 8, right: 1000, bottom: 400 };

test('a house under the phone’s card goes to the middle of the map above it, at the same x', () => {
  assert.deepEqual(clearSpot({ x: 120, y: 400 }, PHONE_CARD), { x: 120, y: 115 });
});

test('a house just above the card’s edge is moved too (its ring would touch it); one well clear is left alone', () => {
  assert.deepEqual(clearSpot({ x: 120, y: 220 }, PHONE_CARD), { x: 120, y: 115 });
  assert.equal(clearSpot({ x: 120, y: 180 }, PHONE_CARD), null);
});

test('with the page scrolled past the map’s top, the house goes to the middle of what the window shows above the card', () => {
  assert.deepEqual(clearSpot({ x: 50, y: 300 }, PHONE_CARD, 100), { x: 50, y: 165 });
});

test('under a card on the right of a wide map, the house goes left of it, at the same y', () => {
  assert.deepEqual(clearSpot({ x: 700, y: 200 }, SIDE_CARD), { x: 320, y: 200 });
  assert.equal(clearSpot({ x: 500, y: 200 }, SIDE_CARD), null);
});
