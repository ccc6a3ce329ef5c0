import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { constraints } from './index.js';

describe('constraint registry', () => {
  it('has a test file for every registered constraint, and that file tests that constraint', () => {
    for (const c of constraints) {
      const file = new URL(`./${c.id}.test.ts`, import.meta.url);
      assert.ok(existsSync(file), `${c.id}: no ${c.id}.test.ts`);
      const source = readFileSync(file, 'utf8');
      assert.ok([`constraintById('${c.id}')`, `hardConstraintById('${c.id}')`].some((call) => source.includes(call)), `${c.id}.test.ts does not load constraint ${c.id}`);
    }
  });

  it('has unique ids that name their own files', () => {
    const ids = constraints.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(existsSync(new URL(`./${id}.ts`, import.meta.url)), `${id}.ts missing`);
    }
  });

  it('covers every hard rule of the spec and every score term', () => {
    const rules = new Set(constraints.flatMap((c) => (c.level === 'hard' ? [c.specRule] : [])));
    assert.deepEqual([...rules].sort(), ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H8', 'H9']);
    const terms = constraints.flatMap((c) => (c.level === 'soft' ? [c.term] : [])).sort();
    assert.deepEqual(terms, ['cost', 'overDesired', 'travel', 'uncovered', 'underMinimum', 'unpreferred']);
  });
});
