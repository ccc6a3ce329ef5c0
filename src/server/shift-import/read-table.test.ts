// Reading uploaded bytes into rows: delimiters, encodings, and files that are no table at all.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../errors/app-error.js';
import { guessDelimiter, readTable } from './read-table.js';

const bytes = (text: string, encoding: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(text, encoding));

describe('reading a CSV', () => {
  test('the delimiter is the most frequent one in the header line, quotes respected', () => {
    assert.equal(guessDelimiter('Locatie;Pakket;Datum\nA,B;c;d'), ';');
    assert.equal(guessDelimiter('Location,Package,"Notes; remarks"\n'), ',');
    assert.equal(guessDelimiter('Location\tPackage\tDate'), '\t');
  });

  test('UTF-8 with a byte-order mark, or Windows-1252, keeps accents; row numbers count the header', async () => {
    const utf8 = await readTable('a.csv', bytes('\uFEFFLocatie;Opmerkingen\r\nDe Linde;"café; ""Zon"""\r\n'));
    assert.deepEqual(utf8.slice(0, 2), [
      { number: 1, cells: ['Locatie', 'Opmerkingen'] },
      { number: 2, cells: ['De Linde', 'café; "Zon"'] },
    ]);
    const ansi = await readTable('a.csv', bytes('Locatie;Opmerkingen\r\nDe Linde;café\r\n', 'latin1'));
    assert.deepEqual(ansi[1]!.cells, ['De Linde', 'café']);
  });

  test('empty, binary, old XLS, broken XLSX and unclosed quotes are a 400 naming the problem', async () => {
    const rejects = (content: Uint8Array, pattern: RegExp, filename = 'a.csv') =>
      assert.rejects(readTable(filename, content), (error: unknown) => error instanceof AppError && error.status === 400 && pattern.test(error.message));
    await rejects(new Uint8Array(), /empty/);
    await rejects(bytes(' \r\n '), /empty/);
    await rejects(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0x01, 0x02]), /not a CSV or XLSX/);
    await rejects(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), /old Excel file/);
    await rejects(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]), /XLSX workbook/);
    await rejects(bytes('Location,Package\nDe Linde,basic-care'), /not a valid XLSX/, 'rooster.xlsx');
    await rejects(bytes('Location,Notes\nDe Linde,"open\nDomstad,x\n'), /Row 2: a quoted value is not closed/);
  });
});
