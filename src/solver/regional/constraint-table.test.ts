import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderConstraintTable } from './constraint-table.js';
import { constraints } from './constraints/index.js';

describe('docs/constraints.md', () => {
  it('is the table generated from the registry (regenerate: npx tsx bench/planning-constraints-doc.ts)', () => {
    const doc = readFileSync(new URL('../../../docs/constraints.md', import.meta.url), 'utf8');
    assert.equal(doc, renderConstraintTable());
  });

  it('lists every registered constraint once', () => {
    const table = renderConstraintTable();
    for (const c of constraints) assert.equal(table.split(`| \`${c.id}\` |`).length, 2, c.id);
  });
});
