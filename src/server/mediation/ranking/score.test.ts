// The competence pieces of the score: the required-competence rule and the "competences" part.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { competenceFit, COMPETENCE_CREDIT, missingRequired, SCORE_WEIGHTS, scoreParts } from './score.js';

const dementia = { id: 'c-dementia', key: 'dementiezorg' };
const tube = { id: 'c-tube', key: 'sondevoeding' };
const wound = { id: 'c-wound', key: 'wondzorg' };

const base = {
  packagesHeld: 1,
  packagesAsked: 1,
  distanceKm: 5,
  maxTravelKm: 25,
  hasWindows: true,
  preferredOrganisations: [],
  organisationId: 'o',
  shiftsAtOrganisation: 0,
  monthMinutes: 0,
  minDaysPerYear: null,
  yearDays: 0,
};

describe('the required-competence rule', () => {
  test('names each required competence the worker does not hold, in the request’s order', () => {
    assert.deepEqual(missingRequired([dementia, tube, wound], [{ id: tube.id, confirmed: false }]), ['dementiezorg', 'wondzorg']);
  });
  test('a self-declared competence satisfies it as a confirmed one does; nothing required rules nobody out', () => {
    assert.deepEqual(missingRequired([dementia], [{ id: dementia.id, confirmed: false }]), []);
    assert.deepEqual(missingRequired([dementia], [{ id: dementia.id, confirmed: true }]), []);
    assert.deepEqual(missingRequired([], []), []);
  });
});

describe('the competences score part', () => {
  test('the share of wished competences held, a confirmed one counting more than a self-declared one', () => {
    const wished = [tube, wound];
    assert.equal(competenceFit(wished, [{ id: tube.id, confirmed: true }, { id: wound.id, confirmed: true }]).value, 1);
    assert.equal(competenceFit(wished, [{ id: tube.id, confirmed: true }]).value, COMPETENCE_CREDIT.confirmed / 2);
    assert.equal(competenceFit(wished, [{ id: tube.id, confirmed: false }]).value, COMPETENCE_CREDIT.selfDeclared / 2);
    assert.ok(COMPETENCE_CREDIT.confirmed > COMPETENCE_CREDIT.selfDeclared);
    assert.equal(competenceFit(wished, [{ id: dementia.id, confirmed: true }]).value, 0, 'a competence not wished adds nothing');
    assert.deepEqual(competenceFit(wished, [{ id: wound.id, confirmed: false }]).missing, ['sondevoeding']);
  });

  test('nothing wished (every shift) gives everyone the full part, so it changes no order', () => {
    const none = scoreParts(base).find((p) => p.part === 'competences')!;
    const held = scoreParts({ ...base, competences: { target: { required: [], wished: [] }, held: [{ id: tube.id, confirmed: true }] } }).find((p) => p.part === 'competences')!;
    assert.deepEqual([none.value, none.points], [1, SCORE_WEIGHTS.competences]);
    assert.deepEqual([held.value, held.points], [1, SCORE_WEIGHTS.competences]);
  });

  test('the part names what is held and lacking, and its points are value times weight', () => {
    const part = scoreParts({ ...base, competences: { target: { required: [dementia], wished: [tube, wound] }, held: [{ id: dementia.id, confirmed: true }, { id: wound.id, confirmed: false }] } }).find(
      (p) => p.part === 'competences',
    )!;
    assert.equal(part.value, 0.25);
    assert.equal(part.points, 0.25 * SCORE_WEIGHTS.competences);
    assert.deepEqual(part.params, { held: 1, wished: 2, confirmed: 0, required: 1, requiredHeld: 1, heldKeys: 'wondzorg', missingKeys: 'sondevoeding' });
    assert.match(part.message, /1 of the 2 wished.*wondzorg.*lacks sondevoeding/);
  });

  test('the weights still add up to 100', () => {
    assert.equal(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0), 100);
  });
});
