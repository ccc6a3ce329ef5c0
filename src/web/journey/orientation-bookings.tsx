// The shadow days booked for a person: when and where, and whether they were cancelled and why. A
// mediator cancels one that has not begun, with the reason the person is told; rebooking is a new
// booking in the orientation step's form.
import { useState } from 'react';
import type { TJourney, TOrientationBooking } from '../../shared/journey.schemas';
import { Card, ErrorMessage } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { ReasonForm } from '../marketplace/reason-form';
import { formatMoment, formatShiftWhen } from '../marketplace/shift-format';
import { cancelOrientation } from './requests';

export function OrientationBookings({ journey, onChanged }: { journey: TJourney; onChanged: (journey: TJourney) => void }) {
  const { t } = useI18n();
  if (journey.orientations.length === 0) return null;
  const isOpen = journey.stage !== 'completed' && journey.stage !== 'closed';
  return (
    <Card title={t('journey.orientation.title')} testId="orientation-bookings">
      <ul className="list">
        {journey.orientations.map((booking) => (
          <Booking key={booking.shiftId} journeyId={journey.id} booking={booking} mayCancel={isOpen} onChanged={onChanged} />
        ))}
      </ul>
    </Card>
  );
}

function Booking({ journeyId, booking, mayCancel, onChanged }: { journeyId: string; booking: TOrientationBooking; mayCancel: boolean; onChanged: (journey: TJourney) => void }) {
  const { t, locale } = useI18n();
  const [isCancelling, setIsCancelling] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const isCancelled = booking.status !== 'confirmed';
  const canCancel = mayCancel && !isCancelled && Date.parse(booking.start) > Date.now();
  return (
    <li data-testid="orientation-booking" data-shift-id={booking.shiftId} data-status={booking.status}>
      <p>
        <strong>{formatShiftWhen(booking.start, booking.end, booking.timeZone, locale)}</strong> · {booking.organisationName}, {booking.locationName}{' '}
        <span className={`badge ${isCancelled ? 'badge-muted' : 'badge-status-confirmed'}`} data-testid="orientation-status">
          {t(isCancelled ? 'journey.orientation.cancelled' : 'journey.orientation.booked')}
        </span>
      </p>
      {booking.cancelledAt && (
        <p className="muted" data-testid="orientation-cancel-reason">
          {t('journey.orientation.cancelledBecause', { when: formatMoment(booking.cancelledAt, booking.timeZone, locale), reason: booking.cancelReason ?? '' })}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {canCancel &&
        (isCancelling ? (
          <ReasonForm
            label={t('journey.orientation.reason')}
            onSubmit={(reason) =>
              cancelOrientation(journeyId, booking.shiftId, reason).then(
                (next) => {
                  setIsCancelling(false);
                  setError(null);
                  onChanged(next);
                },
                setError,
              )
            }
            onClose={() => setIsCancelling(false)}
          />
        ) : (
          <button type="button" className="button button-secondary" data-testid="orientation-cancel" onClick={() => setIsCancelling(true)}>
            {t('journey.orientation.cancel')}
          </button>
        ))}
    </li>
  );
}
