// Who hears about offers and BIG re-registration deadlines, and what they read (Dutch and English).
// notify() asks these through resolveRecipients; they run in the caller's transaction.
import { and, eq, inArray } from 'drizzle-orm';
import type { TLocale } from '../../shared/common.schemas.js';
import type { DbOrTx } from '../db/open-database.js';
import { credentials, offers, organisations, requests, userRoles, workers } from '../db/schema.js';
import type { NotificationEvent } from '../notifications/events.js';
import type { Recipient } from '../notifications/recipients.js';

type OfferEvent = Extract<NotificationEvent, { type: 'offer.made' | 'offer.answered' }>;
type BigEvent = Extract<NotificationEvent, { type: 'big.expiry' }>;

const text = (locale: TLocale, nl: string, en: string) => (locale === 'en' ? en : nl);

export async function offerRecipients(db: DbOrTx, event: OfferEvent): Promise<Recipient[]> {
  const ids = event.type === 'offer.made' ? event.offerIds : [event.offerId];
  const rows = await db
    .select({
      id: offers.id,
      requestId: offers.requestId,
      status: offers.status,
      declineReason: offers.declineReason,
      createdByUserId: offers.createdByUserId,
      organisationId: requests.organisationId,
      organisationName: organisations.name,
      firstName: workers.firstName,
      lastName: workers.lastName,
    })
    .from(offers)
    .innerJoin(requests, eq(requests.id, offers.requestId))
    .innerJoin(organisations, eq(organisations.id, requests.organisationId))
    .innerJoin(workers, eq(workers.id, offers.workerId))
    .where(inArray(offers.id, ids));
  if (rows.length === 0) return [];
  if (event.type === 'offer.made') {
    const first = rows[0]!;
    const names = rows.map((r) => `${r.firstName} ${r.lastName}`).join(', ');
    const planners = await db
      .selectDistinct({ userId: userRoles.userId })
      .from(userRoles)
      .where(and(eq(userRoles.role, 'planner'), eq(userRoles.organisationId, first.organisationId)));
    return planners.map(({ userId }) => ({
      userId,
      payload: { requestId: first.requestId, offerIds: ids },
      dedupeKey: `offer.made:${ids[0]!}:${userId}`,
      render: (locale: TLocale) => ({
        title: text(locale, `Kandidaat voorgesteld voor uw aanvraag`, `Candidate offered for your request`),
        body: text(
          locale,
          `De bemiddelaar stelt voor: ${names}. Geef binnen 48 uur antwoord in Harmonica.`,
          `The mediator offers: ${names}. Please answer within 48 hours in Harmonica.`,
        ),
      }),
    }));
  }
  const offer = rows[0]!;
  if (!offer.createdByUserId) return [];
  const name = `${offer.firstName} ${offer.lastName}`;
  const isAccepted = offer.status === 'accepted';
  return [
    {
      userId: offer.createdByUserId,
      payload: { requestId: offer.requestId, offerId: offer.id },
      dedupeKey: `offer.answered:${offer.id}:${offer.createdByUserId}`,
      render: (locale: TLocale) => ({
        title: isAccepted
          ? text(locale, `${offer.organisationName} neemt ${name} aan`, `${offer.organisationName} accepted ${name}`)
          : text(locale, `${offer.organisationName} wijst ${name} af`, `${offer.organisationName} declined ${name}`),
        body: isAccepted
          ? text(locale, 'Leg de afspraak vast en kies de eerste diensten.', 'Record the agreement and pick the first shifts.')
          : text(locale, `Reden: ${offer.declineReason ?? ''}. Kies de volgende stap.`, `Reason: ${offer.declineReason ?? ''}. Take the next step.`),
      }),
    },
  ];
}

export async function bigExpiryRecipients(db: DbOrTx, event: BigEvent): Promise<Recipient[]> {
  const [row] = await db
    .select({ userId: workers.userId, expiresOn: credentials.expiresOn, profession: credentials.profession })
    .from(credentials)
    .innerJoin(workers, eq(workers.id, credentials.workerId))
    .where(eq(credentials.id, event.credentialId));
  if (!row?.userId || !row.expiresOn) return [];
  const profession = row.profession || 'BIG';
  return [
    {
      userId: row.userId,
      payload: { credentialId: event.credentialId, monthsBefore: event.monthsBefore, expiresOn: row.expiresOn },
      dedupeKey: `big.expiry:${event.credentialId}:${row.expiresOn}:${event.monthsBefore}`,
      render: (locale: TLocale) => ({
        title: text(locale, `Uw BIG-registratie verloopt op ${row.expiresOn!}`, `Your BIG registration expires on ${row.expiresOn!}`),
        body: text(
          locale,
          `Uw registratie als ${profession} verloopt over ${event.monthsBefore} maand(en). Controleer in Harmonica uw uren (minstens 2.080 in 5 jaar) en scholing, en vraag herregistratie aan.`,
          `Your registration as ${profession} expires in ${event.monthsBefore} month(s). Check your hours (at least 2,080 in 5 years) and training in Harmonica, and apply for re-registration.`,
        ),
      }),
    },
  ];
}
