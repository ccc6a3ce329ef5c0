// `harmonica curtois INSTANCE.txt [--time SECONDS] [--seed N] [--out ROSTER.txt]`: solves one
// Curtois & Qu instance and prints one JSON line with the objective and the gap to the best known.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CURTOIS_BEST_KNOWN, formatRoster, gapPercent, instanceNumberOf, parseCurtoisInstance, prepareProblem, solveCurtois } from '../../solver/curtois/index.js';

export const summary = 'solve a Curtois & Qu nurse-rostering instance (benchmark yardstick)';

const usage = 'usage: harmonica curtois INSTANCE.txt [--time SECONDS] [--seed N] [--out ROSTER.txt]\n';

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { time: { type: 'string', default: '60' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (error) {
    process.stderr.write(`${String(error instanceof Error ? error.message : error)}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    process.stdout.write(usage);
    return 0;
  }
  const timeLimitSeconds = Number(values.time);
  const seed = Number(values.seed);
  if (positionals.length !== 1 || !(timeLimitSeconds > 0) || !Number.isInteger(seed)) {
    process.stderr.write(usage);
    return 2;
  }
  const file = positionals[0]!;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${String(error instanceof Error ? error.message : error)}\n`);
    return 1;
  }
  let problem;
  try {
    problem = prepareProblem(parseCurtoisInstance(text));
  } catch (error) {
    process.stderr.write(`${file}: ${String(error instanceof Error ? error.message : error)}\n`);
    return 1;
  }
  const result = await solveCurtois(problem, { timeLimitSeconds, seed });
  const number = instanceNumberOf(basename(file));
  const bestKnown = number === null ? null : (CURTOIS_BEST_KNOWN[number] ?? null);
  const line = {
    instance: basename(file).replace(/\.txt$/i, ''),
    objective: result.objective,
    feasible: result.isFeasible,
    seconds: Math.round(result.seconds * 10) / 10,
    bestKnown,
    gapPercent: bestKnown === null ? null : gapPercent(result.objective, bestKnown),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (values.out !== undefined) await writeFile(values.out, formatRoster(problem, result.roster));
  return result.isFeasible ? 0 : 3;
}
