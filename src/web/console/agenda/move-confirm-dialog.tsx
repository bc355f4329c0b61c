import { type FormEvent, useState } from 'react';
import type { Appointment } from '../../../contracts/scheduling';
import { displayDate } from '../../shared/dates';
import { Button } from '../../shared/ui/button';
import { CheckboxField } from '../../shared/ui/checkbox-field';
import { Dialog } from '../../shared/ui/dialog';
import { hhmm, localParts } from '../../shared/zoned-time';
import { useI18n } from '../i18n';

/** Where an appointment sits: what a move changes and an undo puts back. */
export interface Placement {
  startsAt: string;
  endsAt: string;
  practitionerId: string;
  locationId: string;
}

/** A move or resize dropped in the grid, waiting for the secretary's confirmation. */
export interface PendingChange {
  kind: 'move' | 'resize';
  appointment: Appointment;
  before: Placement;
  after: Placement;
}

/** Whether the patient is told of the change: a new start or another practitioner (not a new length). */
export function tellsPatient(change: PendingChange): boolean {
  return (
    change.before.startsAt !== change.after.startsAt ||
    change.before.practitionerId !== change.after.practitionerId
  );
}

interface Props {
  change: PendingChange;
  timeZone: string;
  names: Map<string, string>;
  onConfirm: (notifyPatient: boolean) => void;
  onCancel: () => void;
}

/**
 * Asks before a dropped move or resize is saved (issue 9 §2.9): the change summarised (before → after)
 * and "Notify the patient", ticked by default, which can be unticked. Cancel puts the block back.
 */
export function MoveConfirmDialog({ change, timeZone, names, onConfirm, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [notify, setNotify] = useState(true);
  const told = tellsPatient(change);
  const describe = (placement: Placement) => {
    const start = localParts(Date.parse(placement.startsAt), timeZone);
    const end = localParts(Date.parse(placement.endsAt), timeZone);
    return t('move.slot', {
      date: displayDate(start.date, lang),
      from: hhmm(start.minute),
      to: hhmm(end.minute),
      name: names.get(placement.practitionerId) ?? '',
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(told && notify);
  };
  const { patient } = change.appointment;
  return (
    <Dialog
      title={change.kind === 'move' ? t('move.title') : t('move.resizeTitle')}
      open
      onClose={onCancel}
      closeLabel={t('common.close')}
    >
      <form onSubmit={submit} className="move-confirm">
        <p>
          <strong>
            {patient.lastName.toUpperCase()} {patient.firstName}
          </strong>{' '}
          · {change.appointment.motifName}
        </p>
        <dl className="move-confirm__change">
          <dt>{t('move.before')}</dt>
          <dd>
            <del>{describe(change.before)}</del>
          </dd>
          <dt>{t('move.after')}</dt>
          <dd>
            <strong>{describe(change.after)}</strong>
          </dd>
        </dl>
        {told ? (
          <CheckboxField
            label={t('move.notify')}
            hint={t('move.notifyHint')}
            checked={notify}
            onChange={setNotify}
          />
        ) : (
          <p className="muted">{t('move.noNotice')}</p>
        )}
        <div className="form-actions">
          <Button type="submit" data-autofocus>
            {t('move.confirm')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('move.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
