import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { createShiftDescriber, digestBody, emailHtml, emailText, formatShiftTime, messages, type Message, type ShiftInfo } from './messages.js';

const local = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toJSDate();

const shift: ShiftInfo = {
  id: 's1',
  // Tue 1 Dec 2026 07:00–15:00 CET = 06:00Z–14:00Z
  start: local('2026-12-01T07:00'),
  end: local('2026-12-01T15:00'),
  notes: 'Melden bij de teamleider',
  status: 'open',
  organisationId: 'o1',
  organisationName: 'Zorggroep De Linde',
  regionId: 'r1',
  locationName: 'De Linde',
  address: 'Lindelaan 1',
  postcode: '3531 AB',
  city: 'Utrecht',
  lat: 52.08,
  lon: 5.1,
  timeZone: 'Europe/Amsterdam',
  packageId: 'p1',
  packageNameNl: 'Basiszorg',
  packageNameEn: 'Basic care',
};

describe('notification messages', () => {
  test('shift times are local, with the next day marked for a night', () => {
    assert.equal(formatShiftTime(shift, 'nl'), 'di 1 dec 2026 07:00–15:00');
    assert.equal(formatShiftTime(shift, 'en'), 'Tue 1 Dec 2026 07:00–15:00');
    // Sat 27 Mar 2027 23:00 CET (22:00Z) to Sun 28 Mar 07:00 CEST (05:00Z): the spring-forward night.
    const night = { ...shift, start: local('2027-03-27T23:00'), end: local('2027-03-28T07:00') };
    assert.equal(formatShiftTime(night, 'nl'), 'za 27 mrt 2027 23:00–07:00 (volgende dag)');
    assert.equal(formatShiftTime(night, 'en'), 'Sat 27 Mar 2027 23:00–07:00 (next day)');
  });

  test('every message exists in Dutch and in English', () => {
    const both = (make: (locale: 'nl' | 'en') => Message) => {
      const nl = make('nl');
      const en = make('en');
      for (const m of [nl, en]) assert.ok(m.title.length > 0 && m.body.length > 0);
      assert.notEqual(nl.title, en.title);
      return { nl, en };
    };
    assert.match(both((l) => messages.claimConfirmed(shift, l)).nl.title, /^Dienst bevestigd: Basiszorg bij Zorggroep De Linde$/);
    assert.match(both((l) => messages.claimPending(shift, 'Anna', l)).en.title, /^New claim to review: Anna$/);
    assert.match(both((l) => messages.claimRejected(shift, 'vol', l)).nl.body, /Reden: vol$/);
    both((l) => messages.assignmentCancelledForWorker(shift, '', l));
    both((l) => messages.assignmentCancelledByWorker(shift, 'Anna', 'ziek', l));
    both((l) => messages.shiftCancelled(shift, 'dicht', l));
    const shadowDay = both((l) => messages.orientationCancelled(shift, 'De afdeling is dicht', l));
    assert.equal(shadowDay.nl.title, 'Meeloopdag geannuleerd: Zorggroep De Linde');
    assert.match(shadowDay.nl.body, /^Je meeloopdag bij Zorggroep De Linde, De Linde \(Utrecht\) op di 1 dec 2026 07:00–15:00 is geannuleerd: De afdeling is dicht\n/);
    assert.equal(shadowDay.en.title, 'Shadow day cancelled: Zorggroep De Linde');
    assert.match(shadowDay.en.body, /^Your shadow day at Zorggroep De Linde, De Linde \(Utrecht\) on Tue 1 Dec 2026 07:00–15:00 was cancelled: De afdeling is dicht\n/);
    assert.equal(both((l) => messages.shiftsPosted([shift, shift], l)).nl.title, '2 nieuwe diensten die bij je passen');
    both((l) => messages.swapRequested(shift, 'Anna', '', l));
    both((l) => messages.swapAcceptedForRequester(shift, 'Bram', true, l));
    both((l) => messages.swapAwaitingApproval(shift, 'Anna', 'Bram', l));
    both((l) => messages.swapDecided(shift, true, undefined, l));
    assert.match(both((l) => messages.reminder(shift, l)).en.body, /Melden bij de teamleider/);
  });

  test('a mail has a greeting, the message, a link and why it came', () => {
    const text = emailText('Anna', messages.claimConfirmed(shift, 'nl'), 'https://harmonica.example', 'nl');
    assert.match(text, /^Hallo Anna,\n\nJe staat ingeroosterd op di 1 dec 2026 07:00–15:00 op De Linde, Lindelaan 1, 3531 AB Utrecht\.\n\nOpen Harmonica: https:\/\/harmonica\.example\/\n\n-- \n/);
    assert.equal(emailHtml('a <b> & "c"\n\nline\ntwo'), '<!doctype html><html><body style="font-family:sans-serif"><p>a &lt;b&gt; &amp; &quot;c&quot;</p><p>line<br>two</p></body></html>');
  });

  test('a long list of new shifts shows the first ones and how many more there are', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...shift, id: `s${i}` }));
    const posted = messages.shiftsPosted(many, 'nl', createShiftDescriber());
    assert.equal(posted.title, '25 nieuwe diensten die bij je passen');
    const lines = posted.body.split('\n');
    assert.equal(lines.length, 11);
    assert.equal(lines[10], '- en nog 15: zie Harmonica');
    assert.equal(messages.shiftsPosted(many, 'en').body.split('\n').at(-1), '- and 15 more: see Harmonica');
  });

  test('the digest lists the new shifts first, then the other items', () => {
    const digest = digestBody([shift], [{ title: 'Ruil goedgekeurd', body: 'De ruil is goedgekeurd.' }], 'nl');
    assert.equal(digest.title, 'Harmonica: 2 nieuwe berichten voor jou');
    assert.match(digest.body, /^Nieuwe diensten die bij je profiel passen \(1\):\n- Basiszorg bij Zorggroep De Linde, De Linde \(Utrecht\): di 1 dec 2026 07:00–15:00\n\nRuil goedgekeurd\nDe ruil is goedgekeurd\.$/);
  });
});
