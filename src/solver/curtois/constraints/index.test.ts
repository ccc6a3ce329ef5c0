import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { test } from 'node:test';
import { curtoisConstraints } from './index.js';

test('every registered Curtois constraint has its own test file that looks it up by id', () => {
  for (const constraint of curtoisConstraints) {
    const file = new URL(`./${constraint.id}.test.ts`, import.meta.url);
    assert.ok(existsSync(file), `missing test file for constraint ${constraint.id}`);
    assert.ok(readFileSync(file, 'utf8').includes(`findConstraint('${constraint.id}')`), `${constraint.id}.test.ts does not test ${constraint.id}`);
  }
});

test('constraint ids are unique kebab-case and name their file', () => {
  const ids = curtoisConstraints.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) {
    assert.match(id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(existsSync(new URL(`./${id}.ts`, import.meta.url)));
  }
});

test('the registry holds the nine hard rules and the three objective terms', () => {
  assert.equal(curtoisConstraints.filter((c) => c.level === 'hard').length, 9);
  assert.deepEqual(curtoisConstraints.filter((c) => c.level === 'soft').map((c) => c.id), ['shift-on-requests', 'shift-off-requests', 'cover']);
});
