// A planner posts a request: a need for a person over a period at one of their locations, in
// activity packages (the first is required of the candidate, the others count toward the fit), and
// optionally competences: required (rules out who lacks one) or wished (counts in the score).
import { useState } from 'react';
import type { TCompetence, TCompetenceRequirementInput } from '../../shared/competences.schemas';
import { ZCreateMediationRequest, type TMediationRequest } from '../../shared/mediation.schemas';
import { RequirementsPicker } from '../competences/requirements-picker';
import type { TActivityPackage } from '../../shared/packages.schemas';
import type { TLocation } from '../../shared/organisations.schemas';
import { ErrorMessage, Field, SelectField, TextAreaField } from '../components/ui';
import { packageName, todayIso } from '../format';
import { useI18n } from '../i18n/i18n';
import { DEFAULT_ZONE, zonedToInstant } from '../marketplace/shift-format';
import { validate } from '../validation';
import { useFormSubmit } from '../components/use-form-submit';

import { createMediationRequest } from './requests';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type LocationOption = TLocation & { organisationName: string };

export function RequestForm({
  locations,
  packages,
  competences = [],
  onPosted,
  onCancel,
}: {
  locations: LocationOption[];
  packages: TActivityPackage[];
  competences?: TCompetence[];
  onPosted: (request: TMediationRequest) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [locationId, setLocationId] = useState(locations[0]?.id ?? '');
  const [mainPackageId, setMainPackageId] = useState('');
  const [otherPackageIds, setOtherPackageIds] = useState<string[]>([]);
  const [from, setFrom] = useState(addDays(todayIso(), 7));
  const [to, setTo] = useState(addDays(todayIso(), 97));
  const [shiftsPerWeek, setShiftsPerWeek] = useState('');
  const [supervisionCapacity, setSupervisionCapacity] = useState('0');
  const [description, setDescription] = useState('');
  const [requirements, setRequirements] = useState<TCompetenceRequirementInput[]>([]);
  const { errors, error, isBusy, submit: send } = useFormSubmit();
  const location = locations.find((l) => l.id === locationId);
  const timeZone = location?.timeZone ?? DEFAULT_ZONE;

  const submit = async () => {
    const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
    const body = {
      locationId,
      packageIds: mainPackageId ? [mainPackageId, ...otherPackageIds.filter((id) => id !== mainPackageId)] : [],
      periodStart: isDate(from) ? zonedToInstant(from, '00:00', timeZone) : '',
      // The period runs through the last day chosen: it ends at the next midnight.
      periodEnd: isDate(to) ? zonedToInstant(addDays(to, 1), '00:00', timeZone) : '',
      shiftsPerWeek: shiftsPerWeek.trim() === '' ? null : Number(shiftsPerWeek),
      supervisionCapacity: Number(supervisionCapacity || 0),
      description,
      competences: requirements,
    };
    const checked = validate(ZCreateMediationRequest, body, t);
    await send(checked.errors ?? {}, checked.data, async (data) => onPosted(await createMediationRequest(data)));
  };

  return (
    <form
      className="form card request-form"
      data-testid="request-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 className="card-title">{t('mediation.requestForm.title')}</h2>
      <SelectField label={t('mediation.request.location')} value={locationId} onChange={(e) => setLocationId(e.target.value)} error={errors.locationId} testId="request-location">
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {`${l.organisationName} · ${l.name}`}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('mediation.requestForm.mainPackage')}
        hint={t('mediation.requestForm.mainPackageHint')}
        value={mainPackageId}
        onChange={(e) => setMainPackageId(e.target.value)}
        error={errors.packageIds ?? errors['packageIds[0]']}
        testId="request-package"
      >
        <option value="">{t('mediation.requestForm.choose')}</option>
        {packages.map((p) => (
          <option key={p.id} value={p.id}>
            {packageName(p, locale)}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset">
        <legend>{t('mediation.requestForm.otherPackages')}</legend>
        <p className="field-hint">{t('mediation.requestForm.otherPackagesHint')}</p>
        {packages
          .filter((p) => p.id !== mainPackageId)
          .map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={otherPackageIds.includes(p.id)}
                onChange={(e) => setOtherPackageIds(e.target.checked ? [...otherPackageIds, p.id] : otherPackageIds.filter((id) => id !== p.id))}
                data-testid={`request-other-${p.code}`}
              />
              {packageName(p, locale)}
            </label>
          ))}
      </fieldset>
      <div className="form-row">
        <Field label={t('mediation.requestForm.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} error={errors.periodStart} testId="request-from" />
        <Field label={t('mediation.requestForm.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} error={errors.periodEnd ? t('mediation.requestForm.toAfterFrom') : undefined} testId="request-to" />
      </div>
      <div className="form-row">
        <Field
          label={t('mediation.request.shiftsPerWeek')}
          hint={t('mediation.requestForm.shiftsPerWeekHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={14}
          value={shiftsPerWeek}
          onChange={(e) => setShiftsPerWeek(e.target.value)}
          error={errors.shiftsPerWeek}
          testId="request-shifts-per-week"
        />
        <Field
          label={t('mediation.request.supervision')}
          hint={t('mediation.requestForm.supervisionHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={20}
          value={supervisionCapacity}
          onChange={(e) => setSupervisionCapacity(e.target.value)}
          error={errors.supervisionCapacity}
          testId="request-supervision"
        />
      </div>
      <RequirementsPicker catalogue={competences} value={requirements} onChange={setRequirements} errors={errors} />
      <TextAreaField
        label={t('mediation.requestForm.description')}
        hint={t('mediation.requestForm.descriptionHint')}
        value={description}
        maxLength={2000}
        onChange={(e) => setDescription(e.target.value)}
        error={errors.description}
        testId="request-description"
      />
      {error !== null && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isBusy} data-testid="request-submit">
          {t('mediation.requestForm.submit')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('mediation.cancel')}
        </button>
      </div>
    </form>
  );
}
