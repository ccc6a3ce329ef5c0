import { describe, expect, it } from 'vitest';
import { ZCreateLocationRequest } from '../shared/organisations.schemas';
import { ZUpdateRegionRulesRequest } from '../shared/regions.schemas';
import { daysBetween, formatClock, formatDate, formatHours, parseClock } from './format';
import { translate, type Translate } from './i18n/i18n';
import { expiryState } from './pages/registrations';
import { matchPath } from './router';
import { primaryRole } from './session';
import { validate } from './validation';

describe('formatting', () => {
  it('writes dates in the interface language', () => {
    expect(formatDate('2027-01-09', 'nl')).toBe('9 januari 2027');
    expect(formatDate('2027-01-09', 'en')).toBe('9 January 2027');
  });

  it('shows clock times on a 24-hour clock, also past midnight', () => {
    expect(formatClock(6 * 60 + 45)).toBe('06:45');
    expect(formatClock(32 * 60 + 15)).toBe('08:15');
    expect(parseClock('22:45')).toBe(1365);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('')).toBeNull();
  });

  it('shows minutes as hours with the locale’s decimal sign', () => {
    expect(formatHours(450, 'nl')).toBe('7,5');
    expect(formatHours(450, 'en')).toBe('7.5');
    expect(formatHours(720, 'nl')).toBe('12');
  });

  it('counts whole days between calendar dates, across the DST change', () => {
    expect(daysBetween('2026-10-20', '2026-11-02')).toBe(13);
    expect(daysBetween('2026-11-23', '2026-11-22')).toBe(-1);
  });
});

describe('registration expiry', () => {
  it('warns from 60 days before the expiry date up to the day itself, then calls it expired', () => {
    expect(expiryState(null, '2026-11-23')).toEqual({ kind: 'none' });
    expect(expiryState('2027-01-23', '2026-11-23')).toEqual({ kind: 'valid' });
    expect(expiryState('2027-01-22', '2026-11-23')).toEqual({ kind: 'expiring', days: 60 });
    expect(expiryState('2026-11-23', '2026-11-23')).toEqual({ kind: 'expiring', days: 0 });
    expect(expiryState('2026-11-22', '2026-11-23')).toEqual({ kind: 'expired' });
  });
});

describe('routing and roles', () => {
  it('matches paths with parameters', () => {
    expect(matchPath('/workers/:id', '/workers/abc')).toEqual({ id: 'abc' });
    expect(matchPath('/workers/:id', '/workers')).toBeNull();
    expect(matchPath('/regions/:id', '/workers/abc')).toBeNull();
  });

  it('opens the broadest role’s home page', () => {
    const binding = (role: 'worker' | 'planner' | 'mediator' | 'coordinator' | 'admin') => ({ role, organisationId: null, regionId: null });
    expect(primaryRole({ roles: [binding('worker'), binding('mediator')], workerId: null })).toBe('mediator');
    expect(primaryRole({ roles: [binding('planner'), binding('admin')], workerId: null })).toBe('admin');
    expect(primaryRole({ roles: [binding('planner')], workerId: null })).toBe('planner');
  });
});

describe('client-side validation messages', () => {
  it('speaks Dutch, in hours where the form asks for hours', () => {
    const t: Translate = (key, vars) => translate('nl', key, vars);
    const location = validate(ZCreateLocationRequest, { name: 'A', address: 'Hoofdweg 1', postcode: '12', city: '' }, t);
    expect(location.errors).toEqual({
      name: 'Vul minstens 2 tekens in.',
      postcode: 'Vul een Nederlandse (1234 AB) of Belgische (1234) postcode in.',
      city: 'Vul dit veld in.',
    });
    const rules = validate(ZUpdateRegionRulesRequest, { maxShiftMinutes: 30 * 60, minRestMinutes: 1.5 }, t);
    expect(rules.errors).toEqual({ maxShiftMinutes: 'Maximaal 24 uur.', minRestMinutes: 'Vul een heel getal in.' });
  });
});
