import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { escapeText, foldLine, formatUtc, serializeCalendar, type CalendarEvent } from './ical.js';

const amsterdam = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toJSDate();
const octets = (line: string) => Buffer.byteLength(line, 'utf8');

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'assignment-1@harmonica',
    start: amsterdam('2026-12-01T07:00'),
    end: amsterdam('2026-12-01T15:00'),
    summary: 'Basiszorg — Zorggroep Noord',
    location: 'Huize Zonneweide, Heidelberglaan 100, 3584 Utrecht',
    description: 'Meld je bij de teamleider',
    ...overrides,
  };
}

describe('iCalendar writer', () => {
  test('escapes backslash, semicolon, comma and newlines in TEXT values', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
  });

  test('folds at 75 octets with a leading space on each continuation line', () => {
    const line = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldLine(line).split('\r\n');
    assert.ok(folded.length >= 3);
    for (const part of folded) assert.ok(octets(part) <= 75, `${octets(part)} octets`);
    for (const part of folded.slice(1)) assert.ok(part.startsWith(' '));
    assert.equal(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join(''), line);
  });

  test('never splits a multi-byte character when folding', () => {
    const line = `SUMMARY:${'é€'.repeat(40)}`;
    const folded = foldLine(line).split('\r\n');
    for (const part of folded) {
      assert.ok(octets(part) <= 75);
      assert.ok(!part.includes('\uFFFD'));
    }
    assert.equal(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join(''), line);
  });

  test('a short line is left alone', () => {
    assert.equal(foldLine('VERSION:2.0'), 'VERSION:2.0');
  });

  test('writes a published calendar with CRLF line endings and the required properties', () => {
    const text = serializeCalendar({ prodId: '-//Harmonica//NL', name: 'Mijn diensten', stamp: new Date('2026-11-23T05:00:00Z'), events: [event()] });
    assert.ok(text.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every newline is preceded by CR');
    const lines = text.split('\r\n');
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    for (const required of ['VERSION:2.0', 'PRODID:-//Harmonica//NL', 'METHOD:PUBLISH', 'BEGIN:VEVENT', 'UID:assignment-1@harmonica', 'DTSTAMP:20261123T050000Z', 'STATUS:CONFIRMED', 'END:VEVENT', 'END:VCALENDAR']) {
      assert.ok(lines.includes(required), `missing ${required}`);
    }
    assert.ok(lines.includes('DTSTART:20261201T060000Z')); // 07:00 CET
    assert.ok(lines.includes('DTEND:20261201T140000Z')); // 15:00 CET
    assert.ok(lines.includes('LOCATION:Huize Zonneweide\\, Heidelberglaan 100\\, 3584 Utrecht'));
  });

  test('a night shift across midnight keeps its two dates in UTC', () => {
    const text = serializeCalendar({
      prodId: '-//Harmonica//NL',
      name: 'x',
      stamp: new Date('2026-11-23T05:00:00Z'),
      events: [event({ start: amsterdam('2026-12-01T22:00'), end: amsterdam('2026-12-02T07:00') })],
    });
    assert.match(text, /\r\nDTSTART:20261201T210000Z\r\n/); // Tue 1 Dec 22:00 CET
    assert.match(text, /\r\nDTEND:20261202T060000Z\r\n/); // Wed 2 Dec 07:00 CET
  });

  test('a night across the spring-forward change is 7 hours, not 8', () => {
    const start = amsterdam('2027-03-27T23:00');
    const end = amsterdam('2027-03-28T07:00');
    assert.equal(formatUtc(start), '20270327T220000Z'); // Sat 27 Mar 23:00 CET (+01:00)
    assert.equal(formatUtc(end), '20270328T050000Z'); // Sun 28 Mar 07:00 CEST (+02:00)
    assert.equal((end.getTime() - start.getTime()) / 3_600_000, 7);
  });

  test('a night across the fall-back change is 9 hours, not 8', () => {
    const start = amsterdam('2026-10-24T23:00');
    const end = amsterdam('2026-10-25T07:00');
    assert.equal(formatUtc(start), '20261024T210000Z'); // Sat 24 Oct 23:00 CEST (+02:00)
    assert.equal(formatUtc(end), '20261025T060000Z'); // Sun 25 Oct 07:00 CET (+01:00)
    assert.equal((end.getTime() - start.getTime()) / 3_600_000, 9);
    const text = serializeCalendar({ prodId: 'p', name: 'n', stamp: start, events: [event({ start, end })] });
    assert.match(text, /\r\nDTSTART:20261024T210000Z\r\nDTEND:20261025T060000Z\r\n/);
  });
});
