// One request: its facts, its competence requirements (changed here while it is open), its offers
// (the planner answers them here), and for the region's mediators the ranked candidates to offer with a note.
import { useState, type ReactNode } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import type { TMediationRequest, TOffer } from '../../shared/mediation.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import type { TOrganisationDetail } from '../../shared/organisations.schemas';
import { Card, ErrorMessage, Loading, TextAreaField } from '../components/ui';
import { packageName } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { DEFAULT_ZONE, formatMoment } from '../marketplace/shift-format';
import { getOrganisation, listPackages } from '../requests';
import { Link } from '../router';
import { mediatedRegionIds, plannedOrganisationIds, useMe } from '../session';
import { useLoad } from '../use-load';
import { CandidateList, CandidatesOnDemand } from './candidates';
import { formatPeriod } from './explain';
import { Independence } from './independence';
import { OfferAnswer } from './offer-answer';
import { PlaceOnShifts } from './place-on-shifts';
import { RequestCompetences } from './request-competences';
import { createOffers, getMediationRequest, requestCandidates } from './requests';

export const canMediate = (me: Pick<TMe, 'roles'>, regionId: string) =>
  me.roles.some((b) => b.role === 'admin') || mediatedRegionIds(me).includes(regionId);
export const isPlannerOf = (me: Pick<TMe, 'roles'>, organisationId: string) => plannedOrganisationIds(me).includes(organisationId);

/** "Basiszorg, Ondersteunende taken": the request's packages by name, the required one first. */
export function packageNames(packageIds: string[], packages: TActivityPackage[], locale: 'nl' | 'en'): string {
  return packageIds.map((pid) => packages.find((p) => p.id === pid)).map((p, i) => (p ? packageName(p, locale) : packageIds[i])).join(', ');
}

export function RequestFacts({ request, packages, organisation }: { request: TMediationRequest; packages: TActivityPackage[]; organisation?: TOrganisationDetail | undefined }) {
  const { t, locale } = useI18n();
  const location = organisation?.locations.find((l) => l.id === request.locationId);
  const zone = location?.timeZone ?? DEFAULT_ZONE;
  return (
    <dl className="facts" data-testid="request-facts">
      <div>
        <dt>{t('mediation.request.organisation')}</dt>
        <dd>
          {request.organisationName}
          {location && ` · ${location.name}`}
        </dd>
      </div>
      <div>
        <dt>{t('mediation.request.packages')}</dt>
        <dd data-testid="request-packages">{packageNames(request.packageIds, packages, locale)}</dd>
      </div>
      {request.competences.length > 0 && (
        <div>
          <dt>{t('competences.title')}</dt>
          <dd data-testid="request-competences">
            {(['required', 'wished'] as const)
              .map((level) => ({ level, list: request.competences.filter((c) => c.level === level).map((c) => (locale === 'nl' ? c.labelNl : c.labelEn)) }))
              .filter((g) => g.list.length > 0)
              .map((g) => t(g.level === 'required' ? 'competences.request.required' : 'competences.request.wished', { list: g.list.join(', ') }))
              .join(' · ')}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('mediation.request.period')}</dt>
        <dd data-testid="request-period">{formatPeriod(request.periodStart, request.periodEnd, locale, zone)}</dd>
      </div>
      {request.shiftsPerWeek !== null && (
        <div>
          <dt>{t('mediation.request.shiftsPerWeek')}</dt>
          <dd>{request.shiftsPerWeek}</dd>
        </div>
      )}
      <div>
        <dt>{t('mediation.request.supervision')}</dt>
        <dd>{request.supervisionCapacity}</dd>
      </div>
      <div>
        <dt>{t('mediation.request.posted')}</dt>
        <dd>{formatMoment(request.createdAt, zone, locale)}</dd>
      </div>
      <div>
        <dt>{t('mediation.request.firstOffer')}</dt>
        <dd>{request.firstOfferAt ? formatMoment(request.firstOfferAt, zone, locale) : t('mediation.request.noOfferYet')}</dd>
      </div>
    </dl>
  );
}

export const requestStatusKey = (status: TMediationRequest['status']) => `mediation.request.status.${status}` as MessageKey;
export const offerStatusKey = (status: TOffer['status']) => `mediation.offer.status.${status}` as MessageKey;

async function loadRequest(requestId: string) {
  const request = await getMediationRequest(requestId);
  const [packages, organisation] = await Promise.all([listPackages(request.regionId), getOrganisation(request.organisationId).catch(() => undefined)]);
  return { request, packages, organisation };
}

export function RequestPage({ requestId }: { requestId: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const loaded = useLoad(() => loadRequest(requestId), [requestId]);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { request, packages, organisation } = loaded.data;
  const isMediator = canMediate(me, request.regionId);
  return (
    <section className="page mediation-page" data-testid="request-page">
      <p>
        <Link to={isMediator ? '/mediation' : '/inbox'}>← {t('mediation.back')}</Link>
      </p>
      <h1>
        {t('mediation.request.title', { organisation: request.organisationName })}{' '}
        <span className={`badge badge-status-${request.status}`} data-testid="request-status">
          {t(requestStatusKey(request.status))}
        </span>
      </h1>
      {request.description && <p className="lead">{request.description}</p>}
      <RequestFacts request={request} packages={packages} organisation={organisation} />
      {request.status === 'open' && (isMediator || isPlannerOf(me, request.organisationId)) && (
        <RequestCompetences request={request} onSaved={(saved) => loaded.setData({ ...loaded.data!, request: { ...saved, offers: request.offers } })} />
      )}
      <OfferList
        offers={request.offers}
        mayAnswer={isPlannerOf(me, request.organisationId)}
        organisationId={request.organisationId}
        packages={isPlannerOf(me, request.organisationId) ? packages.filter((p) => request.packageIds.includes(p.id)) : []}
        onAnswered={loaded.reload}
      />
      {/* Changed requirements rank the region again. */}
      {isMediator && request.status === 'open' && <OfferCandidates key={request.competences.map((c) => `${c.key}:${c.level}`).join(',')} request={request} onOffered={loaded.reload} />}
      {/* The organisation's planner sees whom the region has for it; the mediator makes the offers. */}
      {!isMediator && isPlannerOf(me, request.organisationId) && request.status === 'open' && (
        <CandidatesOnDemand
          key={request.competences.map((c) => `${c.key}:${c.level}`).join(',')}
          load={() => requestCandidates(request.id)}
          hint={t('mediation.request.candidatesHint')}
          labelOf={(key) => {
            const c = request.competences.find((r) => r.key === key);
            return c ? (locale === 'nl' ? c.labelNl : c.labelEn) : key;
          }}
        />
      )}
    </section>
  );
}

/** The offers of one request; an accepted person can be put on the organisation's shifts from here. */
export function OfferList({
  offers,
  mayAnswer,
  organisationId,
  packages,
  onAnswered,
}: {
  offers: TOffer[];
  mayAnswer: boolean;
  organisationId: string;
  /** The request's packages the planner may mark an accepted newcomer independent in. */
  packages: TActivityPackage[];
  onAnswered: () => void;
}) {
  const { t } = useI18n();
  return (
    <Card title={t('mediation.offers.title')} testId="offers">
      {offers.length === 0 ? (
        <p className="muted">{t('mediation.offers.none')}</p>
      ) : (
        <ul className="location-list">
          {offers.map((offer) => (
            <OfferItem key={offer.id} offer={offer} mayAnswer={mayAnswer} onAnswered={onAnswered} placeAt={organisationId} independenceIn={packages} />
          ))}
        </ul>
      )}
    </Card>
  );
}

export function OfferItem({
  offer,
  mayAnswer,
  onAnswered,
  context,
  placeAt,
  independenceIn = [],
}: {
  offer: TOffer;
  mayAnswer: boolean;
  onAnswered: () => void;
  context?: ReactNode;
  placeAt?: string;
  independenceIn?: TActivityPackage[];
}) {
  const { t, locale } = useI18n();
  return (
    <li className="location" data-testid="offer" data-offer-id={offer.id}>
      {context}
      <p className="shift-headline">
        <span className="location-name">{offer.workerName}</span>
        <span className={`badge badge-offer-${offer.status}`} data-testid="offer-status">
          {t(offerStatusKey(offer.status))}
        </span>
      </p>
      <p className="muted">{t('mediation.offers.offeredAt', { when: formatMoment(offer.createdAt, DEFAULT_ZONE, locale) })}</p>
      {offer.note && <p className="shift-notes">{offer.note}</p>}
      {offer.status === 'declined' && (
        <p data-testid="offer-declined">
          {t('mediation.offers.declinedBecause', { reason: offer.declineReason ?? '' })}{' '}
          {offer.nextStep && <strong>{t('mediation.offers.nextStep', { step: t(`mediation.nextStep.${offer.nextStep}`) })}</strong>}
        </p>
      )}
      {offer.status === 'offered' && mayAnswer && <OfferAnswer offerId={offer.id} onAnswered={onAnswered} />}
      {offer.status === 'accepted' && placeAt && <PlaceOnShifts offerId={offer.id} organisationId={placeAt} workerName={offer.workerName} />}
      {offer.status === 'accepted' && independenceIn.length > 0 && <Independence workerId={offer.workerId} packages={independenceIn} />}
    </li>
  );
}

function OfferCandidates({ request, onOffered }: { request: TMediationRequest & { offers: TOffer[] }; onOffered: () => void }) {
  const { t, locale } = useI18n();
  const labelOf = (key: string) => {
    const c = request.competences.find((r) => r.key === key);
    return c ? (locale === 'nl' ? c.labelNl : c.labelEn) : key;
  };
  const candidates = useLoad(() => requestCandidates(request.id), [request.id]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<number | null>(null);
  const live = new Set(request.offers.filter((o) => o.status !== 'declined').map((o) => o.workerId));
  const toggle = (workerId: string) => {
    const next = new Set(selected);
    if (next.has(workerId)) next.delete(workerId);
    else next.add(workerId);
    setSelected(next);
    setSent(null);
  };
  const submit = async () => {
    setIsBusy(true);
    setError(null);
    try {
      const offers = await createOffers(request.id, { workerIds: [...selected], note: note.trim() });
      setSent(offers.length);
      setSelected(new Set());
      setNote('');
      onOffered();
    } catch (e) {
      setError(e);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Card title={t('mediation.candidates.title')} testId="offer-candidates">
      {candidates.error !== null && <ErrorMessage error={candidates.error} onRetry={candidates.reload} />}
      {!candidates.data && candidates.error === null && <Loading />}
      {candidates.data && <CandidateList list={candidates.data} selection={{ selected, onToggle: toggle, disabled: live }} labelOf={labelOf} />}
      {sent !== null && (
        <p className="alert alert-success" role="status" data-testid="offers-sent">
          {t('mediation.offers.sent', { count: sent })}
        </p>
      )}
      <form
        className="form offer-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (selected.size > 0) void submit();
        }}
      >
        <TextAreaField label={t('mediation.offers.note')} hint={t('mediation.offers.noteHint')} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} testId="offer-note" />
        {error !== null && <ErrorMessage error={error} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={selected.size === 0 || isBusy} data-testid="offer-submit">
            {t('mediation.offers.submit', { count: selected.size })}
          </button>
        </div>
      </form>
    </Card>
  );
}
