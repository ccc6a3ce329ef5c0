// The worker's own profile (their home page), also shown to a region's mediators at /workers/:id.
import { useState, type ComponentProps } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import type { TOrganisation } from '../../shared/organisations.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import type { TCredential, TWorkerProfile } from '../../shared/workers.schemas';
import { Attribution, Card, ErrorMessage, Loading } from '../components/ui';
import { formatClock, formatHours, packageName, todayIso } from '../format';
import { useI18n, weekdayName } from '../i18n/i18n';
import { getWorker, listCredentials, listOrganisations, listPackages, verifyCredential } from '../requests';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { RegistrationForm } from './registration-form';
import { RegistrationList } from './registrations';
import { WorkerCompetencesCard } from '../competences/worker-competences';
import { AvailabilityExceptionsCard } from './availability-exceptions';
import { WorkerProfileForm } from './worker-profile-form';

export function WorkerHome({ me }: { me: TMe }) {
  const { t } = useI18n();
  if (!me.workerId) {
    return (
      <section className="page" data-testid="worker-home">
        <h1>{t('worker.title')}</h1>
        <p className="alert alert-info">{t('worker.notFound')}</p>
      </section>
    );
  }
  return (
    <section className="page" data-testid="worker-home">
      <p className="eyebrow">{t('worker.welcome', { name: me.name })}</p>
      <h1>{t('worker.title')}</h1>
      <p className="toolbar" data-testid="worker-marketplace-links">
        <Link to="/shifts" className="button button-primary">
          {t('marketplace.openShiftsForMe')}
        </Link>{' '}
        <Link to="/my-shifts" className="button button-secondary">
          {t('marketplace.myShifts')}
        </Link>
      </p>
      <WorkerProfileLoader workerId={me.workerId} />
    </section>
  );
}

export function WorkerPage({ workerId }: { workerId: string }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="worker-page">
      <p>
        <Link to="/">← {t('profile.back')}</Link>
      </p>
      <WorkerProfileLoader workerId={workerId} showName />
    </section>
  );
}

type WorkerData = { profile: TWorkerProfile; credentials: TCredential[]; packages: TActivityPackage[]; organisations?: Pick<TOrganisation, 'id' | 'name'>[] };

async function loadWorker(workerId: string): Promise<WorkerData> {
  const [profile, credentials] = await Promise.all([getWorker(workerId), listCredentials(workerId)]);
  const [packages, organisations] = await Promise.all([listPackages(profile.regionId), listOrganisations(profile.regionId)]);
  return { profile, credentials, packages, organisations };
}

function WorkerProfileLoader({ workerId, showName = false }: { workerId: string; showName?: boolean }) {
  const { t } = useI18n();
  const loaded = useLoad(() => loadWorker(workerId), [workerId]);
  const [isEditing, setIsEditing] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { profile, credentials, packages, organisations } = loaded.data;
  return (
    <>
      {showName && <h1>{t('profile.title', { name: `${profile.firstName} ${profile.lastName}` })}</h1>}
      {isSaved && (
        <p className="alert alert-success" role="status" data-testid="profile-saved">
          {t('worker.form.saved')}
        </p>
      )}
      <WorkerProfileView
        profile={profile}
        credentials={credentials}
        packages={packages}
        organisations={organisations}
        today={todayIso()}
        onCredentialAdded={(credential) => loaded.setData({ ...loaded.data!, credentials: [...credentials, credential] })}
        onVerify={
          showName
            ? async (credentialId, status) => {
                const updated = await verifyCredential(credentialId, status);
                loaded.setData({ ...loaded.data!, credentials: credentials.map((c) => (c.id === updated.id ? updated : c)) });
              }
            : undefined
        }
      />
      {/* The person declares their competences; on a mediator's view of someone else they also confirm them. */}
      <WorkerCompetencesCard workerId={workerId} regionId={profile.regionId} canConfirm={showName} />
      <AvailabilityExceptionsCard workerId={workerId} regionId={profile.regionId} />
      {isEditing ? (
        <WorkerProfileForm
          profile={profile}
          packages={packages}
          organisations={organisations}
          onCancel={() => setIsEditing(false)}
          onSaved={(updated) => {
            loaded.setData({ ...loaded.data!, profile: updated });
            setIsEditing(false);
            setIsSaved(true);
          }}
        />
      ) : (
        <p>
          <button
            type="button"
            className="button button-primary"
            data-testid="edit-profile"
            onClick={() => {
              setIsEditing(true);
              setIsSaved(false);
            }}
          >
            {t('worker.edit')}
          </button>
        </p>
      )}
    </>
  );
}

export function WorkerProfileView({
  profile,
  credentials,
  packages,
  organisations,
  today,
  onVerify,
  onCredentialAdded,
}: WorkerData & {
  today: string;
  onVerify?: ComponentProps<typeof RegistrationList>['onVerify'];
  onCredentialAdded?: (credential: TCredential) => void;
}) {
  const { t, locale } = useI18n();
  const [isAddingRegistration, setIsAddingRegistration] = useState(false);
  const [isRegistrationAdded, setIsRegistrationAdded] = useState(false);
  const byId = new Map(packages.map((p) => [p.id, p]));
  const chosen = profile.packageIds.map((id) => byId.get(id)).filter((p) => p !== undefined);
  const hours = (minutes: number | null) => (minutes === null ? t('worker.notSet') : t('worker.hoursValue', { hours: formatHours(minutes, locale) }));
  return (
    <div className="grid grid-2" data-testid="worker-profile">
      <Card title={t('worker.kind')} testId="worker-kind">
        <p className="lead">
          <span className="badge badge-strong">{t(`kind.${profile.kind}`)}</span>
        </p>
        <dl className="facts">
          <div>
            <dt>{t('worker.qualification')}</dt>
            <dd>{t('worker.qualificationLevel', { level: profile.qualificationLevel })}</dd>
          </div>
        </dl>
        {profile.isNewcomer && <p className="muted">{t('worker.newcomer')}</p>}
      </Card>

      <Card title={t('worker.registrations')} testId="worker-registrations">
        <RegistrationList credentials={credentials} today={today} onVerify={onVerify} />
        {isRegistrationAdded && (
          <p className="alert alert-success" role="status" data-testid="registration-added">
            {t('registration.added')}
          </p>
        )}
        {onCredentialAdded &&
          (isAddingRegistration ? (
            <RegistrationForm
              workerId={profile.id}
              onCancel={() => setIsAddingRegistration(false)}
              onAdded={(credential) => {
                onCredentialAdded(credential);
                setIsAddingRegistration(false);
                setIsRegistrationAdded(true);
              }}
            />
          ) : (
            <button
              type="button"
              className="button button-secondary card-action"
              data-testid="add-registration"
              onClick={() => {
                setIsAddingRegistration(true);
                setIsRegistrationAdded(false);
              }}
            >
              {t('registration.add')}
            </button>
          ))}
      </Card>

      <Card title={t('worker.packages')} testId="worker-packages">
        {chosen.length === 0 ? (
          <p className="muted">{t('worker.noPackages')}</p>
        ) : (
          <ul className="list">
            {chosen.map((p) => (
              <li key={p.id}>{packageName(p, locale)}</li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('worker.home')} testId="worker-travel">
        <dl className="facts">
          <div>
            <dt>{t('worker.postcode')}</dt>
            <dd data-testid="worker-postcode">{profile.homePostcode}</dd>
          </div>
          <div>
            <dt>{t('worker.travel')}</dt>
            <dd data-testid="worker-travel-km">{t('worker.km', { km: profile.maxTravelKm })}</dd>
          </div>
          {organisations && (
            <div>
              <dt>{t('worker.preferred')}</dt>
              <dd data-testid="worker-preferred">
                {organisations
                  .filter((o) => profile.preferredOrganisationIds.includes(o.id))
                  .map((o) => o.name)
                  .join(', ') || t('worker.notSet')}
              </dd>
            </div>
          )}
        </dl>
        <Attribution />
      </Card>

      <Card title={t('worker.hours')} testId="worker-hours">
        <dl className="facts">
          <div>
            <dt>{t('worker.desiredHours')}</dt>
            <dd data-testid="worker-desired-hours">{hours(profile.desiredMinutesPerWeek)}</dd>
          </div>
          <div>
            <dt>{t('worker.maxHours')}</dt>
            <dd data-testid="worker-max-hours">{hours(profile.maxMinutesPerWeek)}</dd>
          </div>
          {profile.kind === 'reservist' && (
            <div>
              <dt>{t('worker.minDays')}</dt>
              <dd data-testid="worker-min-days">{profile.minDaysPerYear === null ? t('worker.notSet') : t('worker.minDaysValue', { days: profile.minDaysPerYear })}</dd>
            </div>
          )}
        </dl>
      </Card>

      <Card title={t('worker.availability')} testId="worker-availability">
        {profile.weeklyAvailability.length === 0 ? (
          <p className="muted">{t('worker.noAvailability')}</p>
        ) : (
          <ul className="list">
            {profile.weeklyAvailability.map((w) => (
              <li key={`${w.weekday}-${w.startMinute}`}>
                {t('worker.window', { day: weekdayName(w.weekday, t), start: formatClock(w.startMinute), end: formatClock(w.endMinute) })}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('worker.contact')} testId="worker-contact">
        <dl className="facts facts-inline">
          <div>
            <dt>{t('worker.email')}</dt>
            <dd className="break">{profile.email}</dd>
          </div>
          <div>
            <dt>{t('worker.phone')}</dt>
            <dd>{profile.phone || t('worker.notSet')}</dd>
          </div>
        </dl>
      </Card>
    </div>
  );
}
