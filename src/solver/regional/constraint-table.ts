import { constraints } from './constraints/index.js';

/** The markdown table of docs/constraints.md, generated from the registry so names never drift. */
export function renderConstraintTable(): string {
  const escape = (text: string): string => text.replaceAll('|', '\\|');
  const rows = constraints.map((c) => `| \`${c.id}\` | ${escape(c.name)} | ${c.level} | ${c.level === 'hard' ? c.specRule : c.term} | ${c.weight} | ${escape(c.description)} |`);
  return [
    '# Planning constraints',
    '',
    'Generated from `src/solver/regional/constraints/index.ts` by `npx tsx bench/planning-constraints-doc.ts`;',
    'a test fails when this file and the registry disagree. Soft weights are defaults: a problem\'s `weights` override them.',
    'Hard penalties are proportional (minutes short of rest, km beyond the radius, ...) so the search has a gradient.',
    '',
    '| id | name | level | spec | weight | rule |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
