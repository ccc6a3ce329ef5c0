import { describe, expect, it } from 'vitest';
import { notificationTypes } from '../../shared/notifications.schemas';
import { en } from './en';
import { translate } from './i18n';
import { nl } from './nl';

describe('the dictionaries', () => {
  it('have exactly the same keys in Dutch and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('name every notification type a worker can choose a channel for', () => {
    for (const type of notificationTypes) {
      expect(Object.keys(nl), type).toContain(`marketplace.type.${type}`);
    }
  });

  it('leave no text empty', () => {
    for (const [key, text] of [...Object.entries(nl), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('fill in placeholders and speak the domain’s Dutch', () => {
    expect(translate('nl', 'worker.expiresSoon', { days: 12 })).toBe('Verloopt over 12 dagen: vraag tijdig verlenging aan.');
    expect(translate('en', 'worker.expiresSoon', { days: 12 })).toBe('Expires in 12 days: apply for renewal in time.');
    expect(translate('nl', 'kind.side_entrant')).toBe('Zij-instromer');
    expect(translate('nl', 'role.mediator')).toBe('Bemiddelaar');
  });
});
