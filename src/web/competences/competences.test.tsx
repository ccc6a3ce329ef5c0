// Competence forms: the person ticks their own (no confirmation sent), the mediator also confirms,
// a server refusal lands at the competence it names, a request takes required and wished ones,
// and the candidate list words the competence part and the "missing competence" group.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TLocale } from '../../shared/common.schemas';
import type { TCompetence, TWorkerCompetence } from '../../shared/competences.schemas';
import type { TCandidateList } from '../../shared/mediation.schemas';
import { I18nProvider, translate } from '../i18n/i18n';
import { CandidateList } from '../mediation/candidates';
import { partReason } from '../mediation/explain';
import { RequestForm } from '../mediation/request-form';
import { WorkerCompetencesForm } from './worker-competences';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const inLocale = (children: ReactNode, locale: TLocale = 'nl') => render(<I18nProvider locale={locale} setLocale={() => undefined}>{children}</I18nProvider>);
const json = (body: unknown, status: number) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
const regionId = '00000000-0000-4000-8000-000000000001';
const workerId = '00000000-0000-4000-8000-000000000002';

const entry = (key: string, labelNl: string, labelEn: string, category: string | null, sortOrder: number): TCompetence => ({ id: `id-${key}`, regionId, key, labelNl, labelEn, category, sortOrder, retired: false });
const catalogue = [entry('sondevoeding', 'Sondevoeding', 'Tube feeding', 'clinical', 10), entry('dementiezorg', 'Dementiezorg', 'Dementia care', 'target_group', 110), entry('ic-ervaring', 'IC-ervaring', 'ICU experience', 'setting', 210)];
const held = (key: string, source: TWorkerCompetence['source']): TWorkerCompetence => {
  const c = catalogue.find((x) => x.key === key)!;
  return { key, labelNl: c.labelNl, labelEn: c.labelEn, category: c.category, source, declaredAt: '2026-11-01T10:00:00Z', confirmedAt: source === 'confirmed' ? '2026-11-02T10:00:00Z' : null, confirmedByName: source === 'confirmed' ? 'Mia Bemiddelaar' : null };
};
const bodyOf = (mock: ReturnType<typeof vi.fn>, call = 0) => JSON.parse(((mock.mock.calls[call] as unknown[])[1] as { body: string }).body) as unknown;

describe('a worker’s competences form', () => {
  it('the person ticks competences by category and sends them without confirmation; the answer is passed on', async () => {
    const saved = [held('sondevoeding', 'confirmed'), held('dementiezorg', 'self_declared')];
    const fetchMock = vi.fn(() => json(saved, 200));
    vi.stubGlobal('fetch', fetchMock);
    const onSaved = vi.fn();
    inLocale(<WorkerCompetencesForm workerId={workerId} catalogue={catalogue} held={[held('sondevoeding', 'confirmed')]} canConfirm={false} onSaved={onSaved} onCancel={() => undefined} />);
    const form = screen.getByTestId('competences-form');
    expect(within(form).getAllByRole('group').map((g) => g.querySelector('legend')!.textContent)).toEqual(['Verpleegtechnisch', 'Doelgroepen', 'Werkomgeving']);
    expect(screen.queryByTestId('competence-confirm-sondevoeding')).toBeNull();
    fireEvent.click(screen.getByTestId('competence-dementiezorg'));
    fireEvent.click(screen.getByTestId('competences-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect((fetchMock.mock.calls[0] as unknown[])[0]).toBe(`/api/workers/${workerId}/competences`);
    expect(((fetchMock.mock.calls[0] as unknown[])[1] as { method: string }).method).toBe('PUT');
    expect(bodyOf(fetchMock)).toEqual({ competences: [{ key: 'sondevoeding' }, { key: 'dementiezorg' }] });
  });

  it('the mediator confirms a ticked competence and may withdraw a confirmation', async () => {
    const fetchMock = vi.fn(() => json([], 200));
    vi.stubGlobal('fetch', fetchMock);
    inLocale(<WorkerCompetencesForm workerId={workerId} catalogue={catalogue} held={[held('sondevoeding', 'confirmed')]} canConfirm onSaved={() => undefined} onCancel={() => undefined} />, 'en');
    expect(screen.getByText(translate('en', 'competences.hintMediator'))).toBeTruthy();
    fireEvent.click(screen.getByTestId('competence-ic-ervaring'));
    fireEvent.click(screen.getByTestId('competence-confirm-ic-ervaring'));
    fireEvent.click(screen.getByTestId('competence-confirm-sondevoeding'));
    fireEvent.click(screen.getByTestId('competences-save'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(bodyOf(fetchMock)).toEqual({ competences: [{ key: 'sondevoeding', confirmed: false }, { key: 'ic-ervaring', confirmed: true }] });
  });

  it('a refusal naming competences[1].key shows at that competence, and nothing is reported saved', async () => {
    const fetchMock = vi.fn(() => json({ code: 'VALIDATION_FAILED', message: 'competences[1].key: is not a competence of this region', issues: [{ path: 'competences[1].key', message: 'is not a competence of this region' }] }, 400));
    vi.stubGlobal('fetch', fetchMock);
    const onSaved = vi.fn();
    inLocale(<WorkerCompetencesForm workerId={workerId} catalogue={catalogue} held={[]} canConfirm={false} onSaved={onSaved} onCancel={() => undefined} />);
    fireEvent.click(screen.getByTestId('competence-sondevoeding'));
    fireEvent.click(screen.getByTestId('competence-ic-ervaring'));
    fireEvent.click(screen.getByTestId('competences-save'));
    const alert = await screen.findAllByText('is not a competence of this region');
    expect(alert[0]!.closest('.competence-choice')!.querySelector('[data-testid="competence-ic-ervaring"]')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });
});

describe('the request form’s competences', () => {
  it('sends the competences chosen as required and wished', async () => {
    const fetchMock = vi.fn(() => json({}, 201));
    vi.stubGlobal('fetch', fetchMock);
    const location = { id: '00000000-0000-4000-8000-000000000010', organisationId: '00000000-0000-4000-8000-000000000011', organisationName: 'Domstad', name: 'Centrum', postcode: '3584', lat: 52, lon: 5, timeZone: 'Europe/Amsterdam' };
    const pkg = { id: '00000000-0000-4000-8000-000000000020', regionId: null, code: 'nursing', nameNl: 'Verpleging', nameEn: 'Nursing', descriptionNl: '', descriptionEn: '', requiresRegistration: true, minQualificationLevel: 4, sortOrder: 1 };
    const onPosted = vi.fn();
    inLocale(<RequestForm locations={[location] as never} packages={[pkg] as never} competences={catalogue} onPosted={onPosted} onCancel={() => undefined} />);
    fireEvent.change(screen.getByTestId('request-package'), { target: { value: pkg.id } });
    fireEvent.change(screen.getByTestId('requirement-dementiezorg'), { target: { value: 'required' } });
    fireEvent.change(screen.getByTestId('requirement-sondevoeding'), { target: { value: 'wished' } });
    fireEvent.change(screen.getByTestId('requirement-ic-ervaring'), { target: { value: 'wished' } });
    fireEvent.change(screen.getByTestId('requirement-ic-ervaring'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('request-submit'));
    await waitFor(() => expect(onPosted).toHaveBeenCalled());
    expect((bodyOf(fetchMock) as { competences: unknown }).competences).toEqual([
      { key: 'dementiezorg', level: 'required' },
      { key: 'sondevoeding', level: 'wished' },
    ]);
  });
});

describe('competences in the candidate list', () => {
  const list: TCandidateList = {
    checkedCount: 1,
    candidates: [
      {
        workerId,
        name: 'Ann Able',
        kind: 'own_staff',
        distanceKm: 3,
        score: 7.5,
        parts: [{ part: 'competences', weight: 10, value: 0.75, points: 7.5, message: 'English', params: { held: 2, wished: 2, confirmed: 1, required: 1, requiredHeld: 1, heldKeys: 'sondevoeding,wondzorg', missingKeys: '' } }],
      },
    ],
    ruledOut: [
      {
        rule: 'competence',
        count: 2,
        byCompetence: [{ key: 'dementiezorg', count: 2 }],
        examples: [{ workerId: '00000000-0000-4000-8000-000000000003', name: 'Cas Lacks', violation: { rule: 'competence', message: 'English', params: { missing: 'dementiezorg' } } }],
      },
    ],
  };

  it('words the part and the group in Dutch, with the request’s labels', () => {
    inLocale(<CandidateList list={list} labelOf={(key) => (key === 'dementiezorg' ? 'Dementiezorg' : key)} />);
    expect(screen.getByText('Heeft 2 van de 2 gewenste competenties (1 bevestigd)')).toBeTruthy();
    const group = screen.getByTestId('ruled-out-group');
    expect(group.getAttribute('data-rule')).toBe('competence');
    expect(within(group).getByText('2 missen een vereiste competentie')).toBeTruthy();
    expect(within(group).getByTestId('ruled-out-competences').textContent).toBe('2 × Dementiezorg');
    expect(group.textContent).toContain('Cas Lacks (mist Dementiezorg)');
  });

  it('the competence reason in English names what is lacking; nothing asked is said so', () => {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
    expect(partReason({ part: 'competences', params: { held: 1, wished: 2, confirmed: 0, required: 0, missingKeys: 'sondevoeding' } }, t, 'en', () => 'Tube feeding')).toBe(
      'Holds 1 of the 2 wished competences (0 confirmed); lacks Tube feeding',
    );
    expect(partReason({ part: 'competences', params: { held: 0, wished: 0, confirmed: 0, required: 0 } }, t, 'en')).toBe('No competences asked for');
  });
});
