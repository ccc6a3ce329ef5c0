import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, toCsv } from './funnel-csv.js';

test('text with the delimiter, quotes or line breaks is quoted, quotes doubled', () => {
  assert.equal(csvCell('Zorggroep "De Linde"', 'en'), '"Zorggroep ""De Linde"""');
  assert.equal(csvCell('Noord, Oost', 'en'), '"Noord, Oost"');
  assert.equal(csvCell('Noord; Oost', 'nl'), '"Noord; Oost"');
  assert.equal(csvCell('twee\r\nregels', 'nl'), '"twee\r\nregels"');
  assert.equal(csvCell('Regio Utrecht', 'nl'), 'Regio Utrecht');
});

test('numbers use the locale’s decimal mark; formulas are defused; empty is empty', () => {
  assert.equal(csvCell(5.5, 'nl'), '5,5');
  assert.equal(csvCell(5.5, 'en'), '5.5');
  assert.equal(csvCell(12, 'nl'), '12');
  assert.equal(csvCell('=HYPERLINK("x")', 'en'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('@SUM(A1)', 'nl'), "'@SUM(A1)");
  assert.equal(csvCell(null, 'nl'), '');
});

test('a file starts with the UTF-8 byte-order mark and ends every line with CRLF', () => {
  const csv = toCsv([['measure', 'value'], ['regio', 'Één']], 'nl');
  assert.equal(csv, '\uFEFFmeasure;value\r\nregio;Één\r\n');
  assert.deepEqual([...Buffer.from(csv, 'utf8').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
});
