import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError, formatPath } from './app-error.js';

test('field paths read like code: shifts[3].end', () => {
  assert.equal(formatPath(['shifts', 3, 'end']), 'shifts[3].end');
  assert.equal(formatPath(['roles', '0', 'organisationId']), 'roles[0].organisationId');
  assert.equal(formatPath(['query', 'limit']), 'query.limit');
  assert.equal(formatPath([]), '');
});

test('an AppError carries its HTTP status from the one code table', () => {
  assert.equal(new AppError('NOT_FOUND', 'x').status, 404);
  assert.equal(new AppError('CSRF_FAILED', 'x').status, 403);
  assert.equal(new AppError('VALIDATION_FAILED', 'x', [{ path: 'a', message: 'b' }]).issues.length, 1);
});
