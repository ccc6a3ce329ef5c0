// The words of every notification, in Dutch and English. Times are shown in the shift's own zone.
import { DateTime } from 'luxon';
import type { TLocale } from '../../shared/common.schemas.js';

export type ShiftInfo = {
  id: string;
  start: Date;
  end: Date;
  notes: string;
  status: 'open' | 'cancelled';
  organisationId: string;
  organisationName: string;
  regionId: string;
  locationName: string;
  address: string;
  postcode: string;
  city: string;
  lat: number;
  lon: number;
  timeZone: string;
  packageId: string;
  packageNameNl: string;
  packageNameEn: string;
};

export type Message = { title: string; body: string };

export const packageName = (shift: ShiftInfo, locale: TLocale) => (locale === 'en' ? shift.packageNameEn : shift.packageNameNl);

/** "di 1 dec 07:00–15:00", a night "za 27 mrt 23:00–07:00 (volgende dag)". */
export function formatShiftTime(shift: Pick<ShiftInfo, 'start' | 'end' | 'timeZone'>, locale: TLocale): string {
  const start = DateTime.fromJSDate(shift.start, { zone: shift.timeZone }).setLocale(locale);
  const end = DateTime.fromJSDate(shift.end, { zone: shift.timeZone }).setLocale(locale);
  const nextDay = start.toISODate() === end.toISODate() ? '' : locale === 'en' ? ' (next day)' : ' (volgende dag)';
  return `${start.toFormat('ccc d LLL yyyy HH:mm')}–${end.toFormat('HH:mm')}${nextDay}`;
}

/** "Basiszorg bij Zorggroep Noord, Huize Zonneweide (Utrecht): di 1 dec 2026 07:00–15:00" */
export function describeShift(shift: ShiftInfo, locale: TLocale): string {
  const at = locale === 'en' ? 'at' : 'bij';
  return `${packageName(shift, locale)} ${at} ${shift.organisationName}, ${shift.locationName} (${shift.city}): ${formatShiftTime(shift, locale)}`;
}

export type ShiftDescriber = (shift: ShiftInfo, locale: TLocale) => string;

/**
 * describeShift with a memory: a posting of hundreds of shifts for thousands of workers formats
 * each shift once per language instead of once per worker (date formatting dominates otherwise).
 */
export function createShiftDescriber(): ShiftDescriber {
  const cache = new Map<string, string>();
  return (shift, locale) => {
    const key = `${locale}:${shift.id}`;
    let text = cache.get(key);
    if (text === undefined) {
      text = describeShift(shift, locale);
      cache.set(key, text);
    }
    return text;
  };
}

/** Lists in the app show the first few shifts; the digest mail shows more. */
export const IN_APP_LIST_LIMIT = 10;
export const DIGEST_LIST_LIMIT = 40;

function listShifts(shifts: ShiftInfo[], locale: TLocale, describe: ShiftDescriber, limit: number): string {
  const lines = shifts.slice(0, limit).map((s) => `- ${describe(s, locale)}`);
  const rest = shifts.length - limit;
  if (rest > 0) lines.push(locale === 'en' ? `- and ${rest} more: see Harmonica` : `- en nog ${rest}: zie Harmonica`);
  return lines.join('\n');
}

const reasonLine = (reason: string | undefined, locale: TLocale) => (reason ? `\n${locale === 'en' ? 'Reason' : 'Reden'}: ${reason}` : '');

const address = (shift: ShiftInfo) => `${shift.locationName}, ${shift.address}, ${shift.postcode} ${shift.city}`;

export const messages = {
  claimConfirmed: (shift: ShiftInfo, locale: TLocale): Message =>
    locale === 'en'
      ? { title: `Shift confirmed: ${packageName(shift, locale)} at ${shift.organisationName}`, body: `You are booked for ${formatShiftTime(shift, locale)} at ${address(shift)}.` }
      : { title: `Dienst bevestigd: ${packageName(shift, locale)} bij ${shift.organisationName}`, body: `Je staat ingeroosterd op ${formatShiftTime(shift, locale)} op ${address(shift)}.` },

  claimPending: (shift: ShiftInfo, workerName: string, locale: TLocale): Message =>
    locale === 'en'
      ? { title: `New claim to review: ${workerName}`, body: `${workerName} claimed ${describeShift(shift, locale)}. Approve or reject it in Harmonica.` }
      : { title: `Nieuwe aanmelding om te beoordelen: ${workerName}`, body: `${workerName} meldt zich aan voor ${describeShift(shift, locale)}. Keur goed of wijs af in Harmonica.` },

  claimRejected: (shift: ShiftInfo, reason: string, locale: TLocale): Message =>
    locale === 'en'
      ? { title: `Claim not accepted: ${packageName(shift, locale)} at ${shift.organisationName}`, body: `Your claim for ${describeShift(shift, locale)} was not accepted.${reasonLine(reason, locale)}` }
      : { title: `Aanmelding afgewezen: ${packageName(shift, locale)} bij ${shift.organisationName}`, body: `Je aanmelding voor ${describeShift(shift, locale)} is afgewezen.${reasonLine(reason, locale)}` },

  assignmentCancelledForWorker: (shift: ShiftInfo, reason: string, locale: TLocale): Message =>
    locale === 'en'
      ? { title: `Your shift was cancelled: ${packageName(shift, locale)} at ${shift.organisationName}`, body: `You are no longer booked for ${describeShift(shift, locale)}.${reasonLine(reason, locale)}` }
      : { title: `Je dienst is geannuleerd: ${packageName(shift, locale)} bij ${shift.organisationName}`, body: `Je staat niet meer ingeroosterd voor ${describeShift(shift, locale)}.${reasonLine(reason, locale)}` },

  assignmentCancelledByWorker: (shift: ShiftInfo, workerName: string, reason: string, locale: TLocale): Message =>
    locale === 'en'
      ? { title: `${workerName} cancelled a shift`, body: `${workerName} no longer comes to ${describeShift(shift, locale)}. The place is open again.${reasonLine(reason, locale)}` }
      : { title: `${workerName} heeft zich afgemeld`, body: `${workerName} komt niet meer naar ${describeShift(shift, locale)}. De plek staat weer open.${reasonLine(reason, locale)}` },

  shiftCancelled: (shift: ShiftInfo, reason: string, locale: TLocale): Message =>
    locale === 'en'
      ? { title: `Shift cancelled: ${packageName(shift, locale)} at ${shift.organisationName}`, body: `The organisation cancelled ${describeShift(shift, locale)}. You do not need to come.${reasonLine(reason, locale)}` }
      : { title: `Dienst geannuleerd: ${packageName(shift, locale)} bij ${shift.organisationName}`, body: `De organisatie heeft ${describeShift(shift, locale)} geannuleerd. Je hoeft niet te komen.${reasonLine(reason, locale)}` },

  /** "Your shadow day at … on … was cancelled: reason" — the person is new, so it names the place in full. */
  orientationCancelled: (shift: ShiftInfo, reason: string, locale: TLocale): Message =>
    locale === 'en'
      ? { title: `Shadow day cancelled: ${shift.organisationName}`, body: `Your shadow day at ${shift.organisationName}, ${shift.locationName} (${shift.city}) on ${formatShiftTime(shift, locale)} was cancelled: ${reason}\nYou do not need to come; your mediator can book a new day with you.` }
      : { title: `Meeloopdag geannuleerd: ${shift.organisationName}`, body: `Je meeloopdag bij ${shift.organisationName}, ${shift.locationName} (${shift.city}) op ${formatShiftTime(shift, locale)} is geannuleerd: ${reason}\nJe hoeft niet te komen; je bemiddelaar kan met je een nieuwe dag plannen.` },

  shiftsPosted: (shifts: ShiftInfo[], locale: TLocale, describe: ShiftDescriber = describeShift): Message => {
    const list = listShifts(shifts, locale, describe, IN_APP_LIST_LIMIT);
    if (locale === 'en') {
      return { title: shifts.length === 1 ? 'A new shift that suits you' : `${shifts.length} new shifts that suit you`, body: list };
    }
    return { title: shifts.length === 1 ? 'Een nieuwe dienst die bij je past' : `${shifts.length} nieuwe diensten die bij je passen`, body: list };
  },

  swapRequested: (shift: ShiftInfo, fromName: string, note: string, locale: TLocale): Message =>
    locale === 'en'
      ? { title: `${fromName} asks you to take over a shift`, body: `${describeShift(shift, locale)}.${note ? `\n"${note}"` : ''}\nAccept or decline in Harmonica.` }
      : { title: `${fromName} vraagt of je een dienst wilt overnemen`, body: `${describeShift(shift, locale)}.${note ? `\n"${note}"` : ''}\nAccepteer of weiger in Harmonica.` },

  swapAcceptedForRequester: (shift: ShiftInfo, toName: string, needsApproval: boolean, locale: TLocale): Message =>
    locale === 'en'
      ? { title: `${toName} accepted your swap`, body: `${toName} will take over ${describeShift(shift, locale)}.${needsApproval ? ' A planner still has to approve the swap.' : ''}` }
      : { title: `${toName} heeft je ruilverzoek geaccepteerd`, body: `${toName} neemt ${describeShift(shift, locale)} van je over.${needsApproval ? ' Een planner moet de ruil nog goedkeuren.' : ''}` },

  swapAwaitingApproval: (shift: ShiftInfo, fromName: string, toName: string, locale: TLocale): Message =>
    locale === 'en'
      ? { title: `Swap to approve: ${fromName} → ${toName}`, body: `${toName} wants to take over ${describeShift(shift, locale)} from ${fromName}. Approve or reject it in Harmonica.` }
      : { title: `Ruil om goed te keuren: ${fromName} → ${toName}`, body: `${toName} wil ${describeShift(shift, locale)} overnemen van ${fromName}. Keur goed of wijs af in Harmonica.` },

  swapDecided: (shift: ShiftInfo, isApproved: boolean, reason: string | undefined, locale: TLocale): Message => {
    if (locale === 'en') {
      return isApproved
        ? { title: 'Swap approved', body: `The swap of ${describeShift(shift, locale)} was approved.` }
        : { title: 'Swap rejected', body: `The swap of ${describeShift(shift, locale)} was rejected; the shift stays with its original worker.${reasonLine(reason, locale)}` };
    }
    return isApproved
      ? { title: 'Ruil goedgekeurd', body: `De ruil van ${describeShift(shift, locale)} is goedgekeurd.` }
      : { title: 'Ruil afgewezen', body: `De ruil van ${describeShift(shift, locale)} is afgewezen; de dienst blijft bij de oorspronkelijke medewerker.${reasonLine(reason, locale)}` };
  },

  reminder: (shift: ShiftInfo, locale: TLocale): Message =>
    locale === 'en'
      ? { title: `Reminder: ${packageName(shift, locale)} at ${shift.organisationName}`, body: `Your shift is ${formatShiftTime(shift, locale)} at ${address(shift)}.${shift.notes ? `\n${shift.notes}` : ''}` }
      : { title: `Herinnering: ${packageName(shift, locale)} bij ${shift.organisationName}`, body: `Je dienst is op ${formatShiftTime(shift, locale)} op ${address(shift)}.${shift.notes ? `\n${shift.notes}` : ''}` },
};

/** The plain-text mail around a message: greeting, the message, a link, why you got it. */
export function emailText(name: string, message: Message, publicUrl: string, locale: TLocale): string {
  const greeting = locale === 'en' ? `Hello ${name},` : `Hallo ${name},`;
  const link = locale === 'en' ? `Open Harmonica: ${publicUrl}/` : `Open Harmonica: ${publicUrl}/`;
  const footer =
    locale === 'en'
      ? 'You can choose per kind of notification how you get it: email, in the app, a daily digest or not at all.'
      : 'Je kiest per soort melding hoe je die krijgt: per e-mail, in de app, in een dagelijks overzicht of niet.';
  return `${greeting}\n\n${message.body}\n\n${link}\n\n-- \n${footer}\n`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same mail as simple HTML: paragraphs, line breaks kept. */
export function emailHtml(text: string): string {
  const paragraphs = text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html><body style="font-family:sans-serif">${paragraphs.join('')}</body></html>`;
}

export function digestSubject(count: number, locale: TLocale): string {
  if (locale === 'en') return count === 1 ? 'Harmonica: 1 new item for you' : `Harmonica: ${count} new items for you`;
  return count === 1 ? 'Harmonica: 1 nieuw bericht voor jou' : `Harmonica: ${count} nieuwe berichten voor jou`;
}

export function digestBody(shifts: ShiftInfo[], others: Message[], locale: TLocale, describe: ShiftDescriber = describeShift): Message {
  const parts: string[] = [];
  if (shifts.length) {
    const list = listShifts(shifts, locale, describe, DIGEST_LIST_LIMIT);
    parts.push(locale === 'en' ? `New shifts that suit your profile (${shifts.length}):\n${list}` : `Nieuwe diensten die bij je profiel passen (${shifts.length}):\n${list}`);
  }
  for (const other of others) parts.push(`${other.title}\n${other.body}`);
  return { title: digestSubject(shifts.length + others.length, locale), body: parts.join('\n\n') };
}
