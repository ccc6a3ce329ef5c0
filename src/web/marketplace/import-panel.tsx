// Import shifts from a roster export (CSV or XLSX): first a check that reports every row's errors
// per column, then either import everything (only when every row is right) or, by the planner's
// explicit choice, only the valid rows.
import { useState } from 'react';
import type { TShiftImportReport } from '../../shared/shift-import.schemas';
import { ErrorMessage } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { importShifts } from './requests';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const IMPORT_COLUMNS = ['location', 'package', 'date', 'start', 'end', 'places', 'priority', 'supervisionCapacity', 'notes', 'file'];

export function ImportPanel({ onImported }: { onImported: (count: number) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [report, setReport] = useState<TShiftImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const run = async (mode: 'all-or-nothing' | 'valid-rows', dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setIsBusy(true);
    try {
      const result = await importShifts({ filename: file.name, contentBase64: file.content, mode, dryRun });
      if (dryRun) setReport(result);
      else onImported(result.importedRows);
    } catch (e) {
      setError(e);
    } finally {
      setIsBusy(false);
    }
  };
  const columnName = (column: string, header: string | undefined) =>
    header ?? (IMPORT_COLUMNS.includes(column) ? t(`marketplace.import.column.${column}` as MessageKey) : column);
  const invalid = report ? report.rows.filter((r) => r.status === 'error') : [];
  return (
    <div className="card form" data-testid="import-panel">
      <h2 className="card-title">{t('marketplace.import.title')}</h2>
      <p className="muted">{t('marketplace.import.intro')}</p>
      <p>
        {t('marketplace.import.template')}: <a href="/api/shift-imports/template.csv">CSV</a> · <a href="/api/shift-imports/template.xlsx">Excel</a>
      </p>
      <div className="field">
        <label htmlFor="import-file">{t('marketplace.import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            setReport(null);
            setFile(null);
            if (picked) readBase64(picked).then((content) => setFile({ name: picked.name, content }), setError);
          }}
        />
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="button" className="button button-secondary" disabled={!file || isBusy} data-testid="import-check" onClick={() => void run('all-or-nothing', true)}>
          {t('marketplace.import.check')}
        </button>
      </div>
      {report && (
        <div className="form" data-testid="import-report">
          <p className="lead" data-testid="import-summary">
            {t('marketplace.import.report', { valid: report.validRows, invalid: invalid.length })}
          </p>
          {report.ignoredColumns.length > 0 && <p className="muted">{t('marketplace.import.ignored', { columns: report.ignoredColumns.join(', ') })}</p>}
          {invalid.length > 0 && (
            <div className="table-wrap">
              <table className="table import-issues" data-testid="import-issues">
                <thead>
                  <tr>
                    <th scope="col">{t('marketplace.import.rowHeader')}</th>
                    <th scope="col">{t('marketplace.import.columnHeader')}</th>
                    <th scope="col">{t('marketplace.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {invalid.flatMap((row) =>
                    row.issues.map((issue, i) => (
                      <tr key={`${row.row}-${i}`} data-testid="import-issue" data-row={row.row}>
                        <td>{row.row}</td>
                        <td>{columnName(issue.column, issue.header)}</td>
                        <td>{issue.message}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          )}
          <div className="form-actions">
            {invalid.length === 0 ? (
              <button type="button" className="button button-primary" disabled={isBusy || report.validRows === 0} data-testid="import-run" onClick={() => void run('all-or-nothing', false)}>
                {t('marketplace.import.all', { count: report.validRows })}
              </button>
            ) : (
              <>
                <p className="alert alert-warning" data-testid="import-blocked">
                  {t('marketplace.import.blocked')}
                </p>
                {report.validRows > 0 && (
                  <button type="button" className="button button-primary" disabled={isBusy} data-testid="import-valid" onClick={() => void run('valid-rows', false)}>
                    {t('marketplace.import.validOnly', { count: report.validRows })}
                  </button>
                )}
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
