import { useCallback, useEffect, useState } from 'react';
import type { BookedAppointment } from '../../../contracts/booking';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { AppointmentCard } from '../appointment/appointment-card';
import { enc } from '../booking-api';
import { useI18n } from '../i18n';
import { usePageTitle } from '../ui/page-frame';
import { StepHeading } from '../ui/step-heading';
import { CancelDialog } from './cancel-dialog';
import { ManageState } from './manage-state';
import { MovePanel } from './move-panel';

type Load =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'expired' }
  | { kind: 'failed' }
  | { kind: 'ready'; appointment: BookedAppointment };

/**
 * `/rdv/gerer/<token>`, the link of the confirmation and of every message (BOOK-4): the appointment,
 * "add to my calendar", and moving or cancelling online until the practice's cutoff; after it, why not
 * and the phone to call. The link expires 30 days after the appointment (the server answers 410).
 */
export function ManagePage({ token }: { token: string }) {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [moving, setMoving] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(t('manage.title'), load.kind === 'ready' ? load.appointment.practice.name : null);

  const fetchAppointment = useCallback(() => {
    setLoad({ kind: 'loading' });
    api
      .get<BookedAppointment>(`/api/public/appointments/${enc(token)}`)
      .then((appointment) => setLoad({ kind: 'ready', appointment }))
      .catch((error: unknown) =>
        setLoad(
          error instanceof ApiError && error.code === 'LINK_EXPIRED'
            ? { kind: 'expired' }
            : error instanceof ApiError && (error.status === 404 || error.status === 400)
              ? { kind: 'missing' }
              : { kind: 'failed' },
        ),
      );
  }, [token]);
  useEffect(fetchAppointment, [fetchAppointment]);

  const changed = (appointment: BookedAppointment, message: string) => {
    setLoad({ kind: 'ready', appointment });
    setMoving(false);
    setCancelling(false);
    setNotice(message);
  };

  return (
    <>
      <StepHeading level={1} id="manage-title">
        {t('manage.title')}
      </StepHeading>
      {load.kind === 'loading' ? <p className="loading">{t('common.loading')}</p> : null}
      {load.kind === 'missing' ? <Alert tone="error">{t('manage.notFound')}</Alert> : null}
      {load.kind === 'expired' ? <Alert tone="info">{t('manage.expired')}</Alert> : null}
      {load.kind === 'failed' ? (
        <>
          <Alert tone="error">{t('common.networkError')}</Alert>
          <Button onClick={fetchAppointment}>{t('common.retry')}</Button>
        </>
      ) : null}
      {load.kind === 'ready' ? (
        <>
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          <ManageState appointment={load.appointment} />
          <AppointmentCard appointment={load.appointment} withManageLink={false} />
          {load.appointment.canChange && !moving ? (
            <div className="inline-actions manage-actions">
              <Button
                onClick={() => {
                  setNotice(null);
                  setMoving(true);
                }}
              >
                {t('manage.move')}
              </Button>
              <Button
                variant="secondary"
                className="button--danger-outline"
                onClick={() => setCancelling(true)}
              >
                {t('manage.cancel')}
              </Button>
            </div>
          ) : null}
          {moving ? (
            <MovePanel
              token={token}
              appointment={load.appointment}
              onMoved={(appointment) => changed(appointment, t('manage.moved'))}
              onClose={() => setMoving(false)}
              onStale={fetchAppointment}
            />
          ) : null}
          <CancelDialog
            token={token}
            appointment={load.appointment}
            open={cancelling}
            onClose={() => setCancelling(false)}
            onCancelled={(appointment) => changed(appointment, t('manage.cancelled'))}
          />
        </>
      ) : null}
    </>
  );
}
