import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidBigNumber, makeBigNumber } from './big-number.js';

test('the one real BIG number found in public sources passes (leading zero kept)', () => {
  assert.equal(isValidBigNumber('09911009701'), true);
});

test('a wrong check digit, a missing 9 or a wrong length fails', () => {
  assert.equal(isValidBigNumber('19911009701'), false);
  assert.equal(isValidBigNumber('08911009701'), false);
  assert.equal(isValidBigNumber('9911009701'), false);
  assert.equal(isValidBigNumber('0991100970a'), false);
});

test('generated numbers are valid and change when one body digit changes', () => {
  const a = makeBigNumber([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const b = makeBigNumber([1, 2, 3, 4, 5, 6, 7, 8, 8]);
  assert.equal(isValidBigNumber(a), true);
  assert.equal(isValidBigNumber(b), true);
  assert.notEqual(a[0], b[0]);
});
