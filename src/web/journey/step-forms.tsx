// The mediator's form for the step a journey waits for: welcome call (with the person's competences), shadow day, matching,
// agreement, onboarding (buddy and fixed contact), check-ins. Each posts one ZRecordStep.
import { useState, type ReactNode } from 'react';
import { ZContractKind, ZRecordStep, type TJourney } from '../../shared/journey.schemas';
import type { TCompetence, TWorkerCompetence } from '../../shared/competences.schemas';
import type { TOrganisation } from '../../shared/organisations.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import { ErrorMessage, Field, FormActions, Loading, SelectField, TextAreaField } from '../components/ui';
import { getWorkerCompetences, listCompetences } from '../competences/competences-api';
import { CompetenceChoices, useCompetenceChoices } from '../competences/worker-competences';
import { packageName, todayIso } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { zonedToInstant } from '../marketplace/shift-format';
import { getOrganisation } from '../requests';
import { useLoad } from '../use-load';
import { serverFieldErrors, validate } from '../validation';
import { useFormSubmit } from '../components/use-form-submit';
import { bookOrientation, recordStep } from './requests';

type Lookups = { packages: TActivityPackage[]; organisations: TOrganisation[] };

/** Validates and posts a step; field errors (client or server) come back keyed by path. */
function useStepSubmit(journeyId: string, onRecorded: (journey: TJourney) => void) {
  const { t } = useI18n();
  const form = useFormSubmit();
  const submit = async (body: unknown) => {
    const checked = validate(ZRecordStep, body, t);
    await form.submit(checked.errors ?? {}, checked.data, async (data) => onRecorded(await recordStep(journeyId, data)));
  };
  return { errors: form.errors, error: form.error, isBusy: form.isBusy, submit };
}

function StepForm({ testId, onSubmit, children, error, isBusy, submitLabel }: { testId: string; onSubmit: () => void; children: ReactNode; error: unknown; isBusy: boolean; submitLabel: string }) {
  return (
    <form
      className="form step-form"
      data-testid={testId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      {error !== null && <ErrorMessage error={error} />}
      <FormActions submitLabel={submitLabel} isBusy={isBusy} submitTestId={`${testId}-submit`} />
    </form>
  );
}

function Checks({ legend, hint, options, chosen, onChange, testId }: { legend: string; hint?: string; options: { id: string; label: string }[]; chosen: string[]; onChange: (ids: string[]) => void; testId: string }) {
  return (
    <fieldset className="fieldset" data-testid={testId}>
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {options.map((o) => (
        <label key={o.id} className="check">
          <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((id) => id !== o.id))} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function StepAction({ journey, lookups, onRecorded, onReload }: { journey: TJourney; lookups: Lookups; onRecorded: (journey: TJourney) => void; onReload: () => void }) {
  switch (journey.stage) {
    case 'welcome_call':
      return <WelcomeCallForm journey={journey} lookups={lookups} onRecorded={onRecorded} />;
    case 'orientation':
      return <OrientationForms journey={journey} lookups={lookups} onRecorded={onRecorded} onBooked={onReload} />;
    case 'matching':
      return <MatchingForm journey={journey} lookups={lookups} onRecorded={onRecorded} />;
    case 'agreement':
      return <AgreementForm journey={journey} lookups={lookups} onRecorded={onRecorded} />;
    case 'onboarding':
      return <OnboardingForm journey={journey} onRecorded={onRecorded} />;
    case 'check_in_1m':
    case 'check_in_3m':
      return <CheckInForm journey={journey} step={journey.stage} onRecorded={onRecorded} />;
    case 'completed':
    case 'closed':
      return null;
  }
}

async function loadCompetences(journey: TJourney) {
  const [catalogue, held] = await Promise.all([listCompetences(journey.regionId), getWorkerCompetences(journey.workerId)]);
  return { catalogue, held };
}

/** The welcome call waits for the person's competences (catalogue and what they declared) before it shows. */
function WelcomeCallForm({ journey, lookups, onRecorded }: { journey: TJourney; lookups: Lookups; onRecorded: (journey: TJourney) => void }) {
  const competences = useLoad(() => loadCompetences(journey), [journey.regionId, journey.workerId]);
  if (competences.isLoading) return <Loading />;
  return <WelcomeCallFields journey={journey} lookups={lookups} onRecorded={onRecorded} competences={competences.data ?? null} competencesError={competences.error} />;
}

function WelcomeCallFields({
  journey,
  lookups,
  onRecorded,
  competences,
  competencesError,
}: {
  journey: TJourney;
  lookups: Lookups;
  onRecorded: (journey: TJourney) => void;
  competences: { catalogue: TCompetence[]; held: TWorkerCompetence[] } | null;
  competencesError: unknown;
}) {
  const { t, locale } = useI18n();
  const [notes, setNotes] = useState('');
  const [constraints, setConstraints] = useState('');
  const [packageIds, setPackageIds] = useState<string[]>(journey.interestPackageIds);
  const [organisationIds, setOrganisationIds] = useState<string[]>(journey.interestOrganisationIds);
  const [level, setLevel] = useState('2');
  const picks = useCompetenceChoices(competences?.catalogue ?? [], competences?.held ?? [], true);
  const form = useStepSubmit(journey.id, onRecorded);
  return (
    <StepForm
      testId="welcome-call-form"
      submitLabel={t('journey.action.welcomeCall')}
      error={form.error}
      isBusy={form.isBusy}
      onSubmit={() =>
        void form.submit({
          step: 'welcome_call',
          notes,
          constraints,
          packageIds,
          interestPackageIds: packageIds,
          interestOrganisationIds: organisationIds,
          qualificationLevel: Number(level),
          // Only a change replaces the person's list (and is audited as one).
          ...(competences && picks.isChanged ? { competences: picks.body } : {}),
        })
      }
    >
      <TextAreaField label={t('journey.form.callNotes')} hint={t('journey.form.callNotesHint')} value={notes} maxLength={4000} error={form.errors.notes} onChange={(e) => setNotes(e.target.value)} testId="call-notes" />
      <TextAreaField label={t('journey.form.constraints')} hint={t('journey.form.constraintsHint')} value={constraints} maxLength={2000} onChange={(e) => setConstraints(e.target.value)} testId="call-constraints" />
      <Checks
        legend={t('journey.form.packages')}
        hint={t('journey.form.packagesHint')}
        options={lookups.packages.map((p) => ({ id: p.id, label: packageName(p, locale) }))}
        chosen={packageIds}
        onChange={setPackageIds}
        testId="call-packages"
      />
      <SelectField label={t('journey.form.level')} value={level} onChange={(e) => setLevel(e.target.value)} testId="call-level">
        {[1, 2, 3, 4, 5, 6].map((n) => (
          <option key={n} value={n}>
            {t('journey.form.levelValue', { level: n })}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset" data-testid="call-competences">
        <legend>{t('competences.title')}</legend>
        {competences ? (
          <>
            <p className="field-hint">{t('competences.welcomeCall.hint')}</p>
            <CompetenceChoices state={picks} errors={form.errors} />
          </>
        ) : (
          <ErrorMessage error={competencesError} />
        )}
      </fieldset>
      <Checks legend={t('journey.form.organisations')} options={lookups.organisations.map((o) => ({ id: o.id, label: o.name }))} chosen={organisationIds} onChange={setOrganisationIds} testId="call-organisations" />
    </StepForm>
  );
}

function OrientationForms({ journey, lookups, onRecorded, onBooked }: { journey: TJourney; lookups: Lookups; onRecorded: (journey: TJourney) => void; onBooked: () => void }) {
  const { t } = useI18n();
  const [notes, setNotes] = useState('');
  const form = useStepSubmit(journey.id, onRecorded);
  const hasBooking = journey.orientations.some((o) => o.status === 'confirmed');
  return (
    <>
      <BookOrientationForm journey={journey} lookups={lookups} onBooked={onBooked} />
      <StepForm testId="orientation-form" submitLabel={t(hasBooking ? 'journey.action.orientationDone' : 'journey.action.orientationSkip')} error={form.error} isBusy={form.isBusy} onSubmit={() => void form.submit({ step: 'orientation', outcome: hasBooking ? 'done' : 'skipped', notes })}>
        <TextAreaField label={t('journey.form.orientationNotes')} value={notes} maxLength={4000} onChange={(e) => setNotes(e.target.value)} testId="orientation-notes" />
      </StepForm>
    </>
  );
}

function BookOrientationForm({ journey, lookups, onBooked }: { journey: TJourney; lookups: Lookups; onBooked: () => void }) {
  const { t, locale } = useI18n();
  const [organisationId, setOrganisationId] = useState(journey.interestOrganisationIds[0] ?? lookups.organisations[0]?.id ?? '');
  const organisation = useLoad(() => (organisationId ? getOrganisation(organisationId) : Promise.resolve(null)), [organisationId]);
  const [chosenLocationId, setLocationId] = useState('');
  const [packageId, setPackageId] = useState(journey.interestPackageIds[0] ?? lookups.packages[0]?.id ?? '');
  const [date, setDate] = useState(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('15:00');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const locations = organisation.data?.locations ?? [];
  const location = locations.find((l) => l.id === chosenLocationId) ?? locations[0];
  const errors = serverFieldErrors(error, t);
  return (
    <form
      className="form step-form"
      data-testid="orientation-book-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!location) return;
        setIsBusy(true);
        setError(null);
        bookOrientation(journey.id, { locationId: location.id, packageId, start: zonedToInstant(date, start, location.timeZone), end: zonedToInstant(date, end, location.timeZone), note })
          .then(onBooked, setError)
          .finally(() => setIsBusy(false));
      }}
    >
      <h3>{t('journey.form.bookTitle')}</h3>
      {journey.orientations
        .filter((o) => o.status === 'confirmed')
        .map((o) => (
          <p key={o.shiftId} className="alert alert-success" data-testid="orientation-booked">
            {t('journey.form.booked', { organisation: o.organisationName, location: o.locationName })}
          </p>
        ))}
      <SelectField label={t('mediation.request.organisation')} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)} testId="orientation-organisation">
        {lookups.organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('mediation.request.location')} value={location?.id ?? ''} onChange={(e) => setLocationId(e.target.value)} error={errors.locationId} testId="orientation-location">
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('mediation.requestForm.mainPackage')} value={packageId} onChange={(e) => setPackageId(e.target.value)} error={errors.packageId} testId="orientation-package">
        {lookups.packages.map((p) => (
          <option key={p.id} value={p.id}>
            {packageName(p, locale)}
          </option>
        ))}
      </SelectField>
      <div className="form-row">
        <Field label={t('journey.form.date')} type="date" min={todayIso()} value={date} onChange={(e) => setDate(e.target.value)} error={errors.start} testId="orientation-date" />
        <Field label={t('journey.form.start')} type="time" value={start} onChange={(e) => setStart(e.target.value)} testId="orientation-start" />
        <Field label={t('journey.form.end')} type="time" value={end} onChange={(e) => setEnd(e.target.value)} error={errors.end} testId="orientation-end" />
      </div>
      <Field label={t('journey.form.bookNote')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} testId="orientation-note" />
      {error !== null && <ErrorMessage error={error} />}
      <FormActions submitLabel={t('journey.action.book')} isBusy={isBusy || !location} submitTestId="orientation-book" />
    </form>
  );
}

function OrganisationSelect({ value, onChange, organisations, error, allowPool, testId }: { value: string; onChange: (id: string) => void; organisations: TOrganisation[]; error?: string | undefined; allowPool: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <SelectField label={t('mediation.request.organisation')} value={value} onChange={(e) => onChange(e.target.value)} error={error} testId={testId}>
      {allowPool && <option value="">{t('journey.form.regionalPool')}</option>}
      {organisations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
}

function MatchingForm({ journey, lookups, onRecorded }: { journey: TJourney; lookups: Lookups; onRecorded: (journey: TJourney) => void }) {
  const { t } = useI18n();
  const [organisationId, setOrganisationId] = useState(journey.interestOrganisationIds[0] ?? '');
  const [notes, setNotes] = useState('');
  const form = useStepSubmit(journey.id, onRecorded);
  return (
    <StepForm testId="matching-form" submitLabel={t('journey.action.match')} error={form.error} isBusy={form.isBusy} onSubmit={() => void form.submit({ step: 'matching', organisationId: organisationId || null, notes })}>
      <p className="muted">{t('journey.form.matchingHint')}</p>
      <OrganisationSelect value={organisationId} onChange={setOrganisationId} organisations={lookups.organisations} error={form.errors.organisationId} allowPool testId="matching-organisation" />
      <TextAreaField label={t('journey.form.notes')} value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} testId="matching-notes" />
    </StepForm>
  );
}

function AgreementForm({ journey, lookups, onRecorded }: { journey: TJourney; lookups: Lookups; onRecorded: (journey: TJourney) => void }) {
  const { t } = useI18n();
  const [contractKind, setContractKind] = useState<string>('employment');
  const [organisationId, setOrganisationId] = useState(journey.organisationId ?? '');
  const [startsOn, setStartsOn] = useState(todayIso());
  const [hours, setHours] = useState('');
  const [notes, setNotes] = useState('');
  const form = useStepSubmit(journey.id, onRecorded);
  return (
    <StepForm
      testId="agreement-form"
      submitLabel={t('journey.action.agreement')}
      error={form.error}
      isBusy={form.isBusy}
      onSubmit={() => void form.submit({ step: 'agreement', contractKind, organisationId: organisationId || null, startsOn, hoursPerWeek: hours.trim() === '' ? null : Number(hours), notes })}
    >
      <SelectField label={t('journey.form.contractKind')} value={contractKind} onChange={(e) => setContractKind(e.target.value)} testId="agreement-kind">
        {ZContractKind.options.map((kind) => (
          <option key={kind} value={kind}>
            {t(`journey.contract.${kind}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <OrganisationSelect value={organisationId} onChange={setOrganisationId} organisations={lookups.organisations} error={form.errors.organisationId} allowPool testId="agreement-organisation" />
      <div className="form-row">
        <Field label={t('journey.form.startsOn')} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={form.errors.startsOn} testId="agreement-starts" />
        <Field label={t('journey.form.hoursPerWeek')} type="number" inputMode="decimal" min={0} max={60} value={hours} onChange={(e) => setHours(e.target.value)} error={form.errors.hoursPerWeek} testId="agreement-hours" />
      </div>
      <TextAreaField label={t('journey.form.notes')} value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} testId="agreement-notes" />
    </StepForm>
  );
}

export function OnboardingForm({ journey, onRecorded }: { journey: TJourney; onRecorded: (journey: TJourney) => void }) {
  const { t } = useI18n();
  const [fixedContactName, setContact] = useState('');
  const [buddyName, setBuddy] = useState('');
  const [notes, setNotes] = useState('');
  const form = useStepSubmit(journey.id, onRecorded);
  return (
    <StepForm testId="onboarding-form" submitLabel={t('journey.action.onboarding')} error={form.error} isBusy={form.isBusy} onSubmit={() => void form.submit({ step: 'onboarding', fixedContactName, buddyName, notes })}>
      {!journey.learningPlan && (
        <p className="alert alert-warning" data-testid="onboarding-needs-plan">
          {t('journey.form.needsPlan')}
        </p>
      )}
      <Field label={t('journey.form.fixedContact')} value={fixedContactName} maxLength={120} error={form.errors.fixedContactName} onChange={(e) => setContact(e.target.value)} testId="onboarding-contact" />
      <Field label={t('journey.form.buddy')} value={buddyName} maxLength={120} error={form.errors.buddyName} onChange={(e) => setBuddy(e.target.value)} testId="onboarding-buddy" />
      <TextAreaField label={t('journey.form.notes')} value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} testId="onboarding-notes" />
    </StepForm>
  );
}

function CheckInForm({ journey, step, onRecorded }: { journey: TJourney; step: 'check_in_1m' | 'check_in_3m'; onRecorded: (journey: TJourney) => void }) {
  const { t } = useI18n();
  const [notes, setNotes] = useState('');
  const [isStillActive, setIsStillActive] = useState(true);
  const form = useStepSubmit(journey.id, onRecorded);
  return (
    <StepForm testId="check-in-form" submitLabel={t('journey.action.checkIn')} error={form.error} isBusy={form.isBusy} onSubmit={() => void form.submit({ step, notes, isStillActive })}>
      <TextAreaField label={t('journey.form.checkInNotes')} value={notes} maxLength={4000} error={form.errors.notes} onChange={(e) => setNotes(e.target.value)} testId="check-in-notes" />
      <label className="check">
        <input type="checkbox" checked={isStillActive} onChange={(e) => setIsStillActive(e.target.checked)} data-testid="check-in-active" />
        {t('journey.form.stillActive')}
      </label>
    </StepForm>
  );
}
