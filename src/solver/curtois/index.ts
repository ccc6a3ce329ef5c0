// The Curtois & Qu benchmark model: parser, evaluator, search and HiGHS reference.
export { parseCurtoisInstance, CurtoisParseError, type CurtoisInstance } from './instance.js';
export { prepareProblem, createEmptyRoster, OFF, type CurtoisProblem, type Roster } from './problem.js';
export { evaluateRoster, type RosterEvaluation } from './evaluate.js';
export { formatRoster, parseRoster } from './roster-format.js';
export { solveCurtois, type CurtoisSolveOptions, type CurtoisSolveResult } from './solve.js';
export { solveCurtoisMip, buildCurtoisMip, type CurtoisMipResult } from './mip.js';
export { curtoisConstraints } from './constraints/index.js';
export { CURTOIS_BEST_KNOWN, instanceNumberOf, gapPercent } from './best-known.js';
