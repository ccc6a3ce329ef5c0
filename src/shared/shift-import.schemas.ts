import { z } from 'zod';
import { ZShift } from './shifts.schemas.js';

/** The largest file accepted, before base64 encoding. */
export const SHIFT_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const SHIFT_IMPORT_MAX_ROWS = 2000;

export const ZShiftImportMode = z.enum(['all-or-nothing', 'valid-rows']);

/** A roster export (CSV or XLSX), read by the browser and sent base64-encoded; a data: URL prefix is allowed. */
export const ZShiftImportRequest = z.object({
  filename: z.string().trim().min(1).max(255),
  contentBase64: z
    .string()
    .max(Math.ceil(SHIFT_IMPORT_MAX_BYTES / 3) * 4 + 200, 'the file is larger than 2 MB')
    .transform((s) => s.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, ''))
    .refine((s) => /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'must be base64'),
  /** all-or-nothing: any row with an error imports nothing; valid-rows: import the good rows, report the rest. */
  mode: ZShiftImportMode.default('all-or-nothing'),
  /** Validate and report only. */
  dryRun: z.boolean().default(false),
});
export type TShiftImportRequest = z.infer<typeof ZShiftImportRequest>;

export const ZShiftImportIssue = z.object({
  /** The field (location, package, date, start, end, places, priority, supervisionCapacity, notes). */
  column: z.string(),
  /** The header as written in the file, when the column is there. */
  header: z.string().optional(),
  message: z.string(),
});

export const ZShiftImportRow = z.object({
  /** The row as a spreadsheet shows it: 1-based, the header row included. */
  row: z.int(),
  status: z.enum(['ok', 'error', 'imported']),
  issues: z.array(ZShiftImportIssue),
});

export const ZShiftImportReport = z.object({
  filename: z.string(),
  mode: ZShiftImportMode,
  dryRun: z.boolean(),
  totalRows: z.int(),
  validRows: z.int(),
  importedRows: z.int(),
  /** Headers in the file that mean nothing to the import. */
  ignoredColumns: z.array(z.string()),
  rows: z.array(ZShiftImportRow),
  shifts: z.array(ZShift),
});
export type TShiftImportReport = z.infer<typeof ZShiftImportReport>;

export const ZShiftImportTemplateParams = z.object({ format: z.enum(['csv', 'xlsx']) });
