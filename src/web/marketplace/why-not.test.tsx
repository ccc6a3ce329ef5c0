// The why-not wording: one sentence per rule, in Dutch and English, from `rule` and `params`.
import { describe, expect, it } from 'vitest';
import type { TEligibilityRule } from '../../shared/assignments.schemas';
import type { TLocale } from '../../shared/common.schemas';
import { translate, type MessageKey } from '../i18n/i18n';
import { formatShiftTimes, formatShiftWhen, whyNotText, zonedToInstant } from './shift-format';

const tFor = (locale: TLocale) => (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
const word = (locale: TLocale, rule: TEligibilityRule, params: Record<string, number | string | null> = {}, extra = {}) =>
  whyNotText({ rule, params }, tFor(locale), { locale, packageName: locale === 'nl' ? 'Verpleegkundige zorg (BIG)' : 'Nursing care (BIG)', ...extra });

// A Tuesday night shift (Amsterdam), and the Wednesday evening shift being judged.
const tuesdayNight = { id: 'night', start: '2026-12-08T21:00:00Z', end: '2026-12-09T06:00:00Z', timeZone: 'Europe/Amsterdam' };
const wednesday = '2026-12-09T14:00:00Z';

describe('why not, in Dutch and English', () => {
  const cases: [TEligibilityRule, Record<string, number | string | null>, string, string][] = [
    ['package', {}, 'Je hebt het activiteitenpakket Verpleegkundige zorg (BIG) niet.', 'You do not have the activity package Nursing care (BIG).'],
    [
      'registration',
      { registrationExpires: Date.parse('2026-12-09T00:00:00Z') },
      'Je registratie verloopt op 8 december 2026, voordat de dienst eindigt.',
      'Your registration expires on 8 December 2026, before the shift ends.',
    ],
    ['registration', { registrationExpires: null }, 'Voor dit pakket is een geverifieerde BIG-registratie nodig.', 'This package needs a verified BIG registration.'],
    ['availability', {}, 'De dienst valt buiten je beschikbaarheid.', 'The shift lies outside your availability.'],
    ['unavailable', {}, 'Je hebt jezelf op dat moment onbeschikbaar gemeld.', 'You marked yourself unavailable at that time.'],
    ['travel', { distanceKm: 41.26, maxTravelKm: 25 }, 'De locatie ligt op 41,3 km; jouw maximum is 25 km.', 'The location is 41.3 km away; your maximum is 25 km.'],
    ['rest', { restMinutes: 480, minRestMinutes: 660, otherShiftId: 'night' }, 'Je rust na je dienst van dinsdagnacht zou 8 u zijn; minimaal 11 u is nodig.', 'Your rest after your Tuesday night shift would be 8 h; at least 11 h is required.'],
    ['overlap', {}, 'Je hebt op dat moment al een dienst.', 'You already have a shift at that time.'],
    ['weeklyHours', { minutes: 2970, capMinutes: 2880 }, 'Die week zou je 49 u 30 min werken; je weekgrens is 48 u.', 'That week you would work 49 h 30 min; your weekly limit is 48 h.'],
    ['demand', {}, 'Alle plekken van deze dienst zijn bezet.', 'All places on this shift are taken.'],
    ['supervision', { capacity: 1, newcomers: 1 }, 'Er is geen begeleidingsplek meer vrij voor nieuwkomers.', 'No supervision place is left for newcomers.'],
  ];
  for (const [rule, params, nl, en] of cases) {
    it(`${rule} ${JSON.stringify(params)}`, () => {
      const context = { otherShifts: [tuesdayNight], shiftStart: wednesday };
      expect(word('nl', rule, params, context)).toBe(nl);
      expect(word('en', rule, params, context)).toBe(en);
    });
  }

  it('words rest before a later shift, and without a known shift', () => {
    const before = { otherShifts: [tuesdayNight], shiftStart: '2026-12-08T05:00:00Z' };
    expect(word('nl', 'rest', { restMinutes: 480, minRestMinutes: 660, otherShiftId: 'night' }, before)).toBe('Je rust voor je dienst van dinsdagnacht zou 8 u zijn; minimaal 11 u is nodig.');
    expect(word('en', 'rest', { restMinutes: 480, minRestMinutes: 660, otherShiftId: 'elsewhere' })).toBe('Your rest next to another shift would be 8 h; at least 11 h is required.');
  });

  it('falls back to a sentence without numbers when the params are missing (a refused claim)', () => {
    expect(word('nl', 'travel')).toBe('De locatie ligt verder weg dan je maximale reisafstand.');
    expect(word('en', 'weeklyHours')).toBe('Your weekly limit has been reached.');
    expect(word('en', 'package', {}, { packageName: undefined })).toBe('You do not have the activity package this shift needs.');
  });
});

describe('shift times in the location’s zone', () => {
  it('shows a night shift as "di 22:00 – wo 07:00" and a day shift with one day', () => {
    expect(formatShiftTimes(tuesdayNight.start, tuesdayNight.end, 'Europe/Amsterdam', 'nl')).toBe('di 22:00 – wo 07:00');
    expect(formatShiftTimes(tuesdayNight.start, tuesdayNight.end, 'Europe/Amsterdam', 'en')).toBe('Tue 22:00 – Wed 07:00');
    expect(formatShiftWhen('2026-12-09T06:00:00Z', '2026-12-09T14:00:00Z', 'Europe/Amsterdam', 'nl')).toBe('wo 9 dec 07:00 – 15:00');
  });

  it('turns a wall-clock time in a zone into an instant, across summer time', () => {
    expect(zonedToInstant('2026-12-08', '22:00', 'Europe/Amsterdam')).toBe('2026-12-08T21:00:00.000Z');
    expect(zonedToInstant('2026-07-01', '07:00', 'Europe/Amsterdam')).toBe('2026-07-01T05:00:00.000Z');
    expect(zonedToInstant('2026-12-08', '22:00', 'Europe/London')).toBe('2026-12-08T22:00:00.000Z');
  });
});
