// The registry: every rule of the regional planning model, hard and soft, in the order of the spec.
import { activityPackage } from './package.js';
import { availability } from './availability.js';
import type { HardConstraint, RegionalConstraint, SoftConstraint } from './constraint.js';
import { cost } from './cost.js';
import { demand } from './demand.js';
import { overDesired } from './over-desired.js';
import { registration } from './registration.js';
import { rest } from './rest.js';
import { supervision } from './supervision.js';
import { travel } from './travel.js';
import { travelRadius } from './travel-radius.js';
import { unavailability } from './unavailability.js';
import { uncovered } from './uncovered.js';
import { underMinimum } from './under-minimum.js';
import { uniqueAssignment } from './unique-assignment.js';
import { unpreferred } from './unpreferred.js';
import { weeklyHours } from './weekly-hours.js';

export type { EligibilityRule, HardConstraint, Reason, RegionalConstraint, ScoreTerm, SoftConstraint } from './constraint.js';

export const hardConstraints: readonly HardConstraint[] = [
  uniqueAssignment, demand, activityPackage, registration, availability, unavailability, travelRadius, rest, weeklyHours, supervision,
];

export const softConstraints: readonly SoftConstraint[] = [uncovered, travel, unpreferred, overDesired, underMinimum, cost];

export const constraints: readonly RegionalConstraint[] = [...hardConstraints, ...softConstraints];

export function constraintById(id: string): RegionalConstraint {
  const found = constraints.find((c) => c.id === id);
  if (!found) throw new Error(`no constraint ${id}`);
  return found;
}

export function hardConstraintById(id: string): HardConstraint {
  const found = hardConstraints.find((c) => c.id === id);
  if (!found) throw new Error(`no hard constraint ${id}`);
  return found;
}
