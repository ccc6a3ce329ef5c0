// Writes docs/constraints.md from the constraint registry: `npx tsx bench/planning-constraints-doc.ts`.
import { writeFileSync } from 'node:fs';
import { renderConstraintTable } from '../src/solver/regional/constraint-table.js';

writeFileSync(new URL('../docs/constraints.md', import.meta.url), renderConstraintTable());
