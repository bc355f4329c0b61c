import { useState } from 'react';
import type { Appointment, UndoChangeResult } from '../../../contracts/scheduling';
import { ApiError, api, isApiError } from '../../shared/api';
import { useI18n } from '../i18n';
import { type PendingChange, type Placement, tellsPatient } from './move-confirm-dialog';

/** The server holds a drag's notice this long, so that Undo can withdraw it before it leaves. */
export const noticeHoldSeconds = 30;

export interface OwnPractitionerQuestion {
  change: PendingChange;
  notify: boolean;
  practitioner: string;
}

interface Done {
  text: string;
  undo: { appointmentId: string; version: number; before: Placement };
}

interface Options {
  refresh: () => Promise<void>;
  onMessage: (message: { tone: 'success' | 'error'; text: string }) => void;
}

/**
 * A dropped move or resize, from the drop to the Undo (issue 9 §2.9): `pending` waits for the
 * confirmation (the block shows where it was dropped), `confirm` saves it with or without the patient's
 * notice, `done` offers Undo, `undo` puts the former placement back. The patient's notice of a drag is
 * held 30 s by the server, and an undo within that time withdraws it: the patient never reads "moved"
 * then "moved back".
 */
export function useChangeFlow({ refresh, onMessage }: Options) {
  const { t } = useI18n();
  const [pending, setPending] = useState<PendingChange | null>(null);
  /** the placement shown until the saved change is read back */
  const [saving, setSaving] = useState<PendingChange | null>(null);
  const [question, setQuestion] = useState<OwnPractitionerQuestion | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const confirm = async (change: PendingChange, notify: boolean, agreed = false) => {
    setPending(null);
    setSaving(change);
    const { before, after } = change;
    const body: Record<string, unknown> = {};
    if (after.startsAt !== before.startsAt) body.startsAt = after.startsAt;
    if (after.endsAt !== before.endsAt) body.endsAt = after.endsAt;
    if (after.practitionerId !== before.practitionerId) body.practitionerId = after.practitionerId;
    if (tellsPatient(change)) {
      body.notifyPatient = notify;
      if (notify) body.noticeDelaySeconds = noticeHoldSeconds;
    }
    if (agreed) body.patientAgreed = true;
    try {
      const saved = await api.patch<Appointment>(`/api/console/appointments/${change.appointment.id}`, body);
      setDone({
        text:
          change.kind === 'resize' && !tellsPatient(change)
            ? t('undo.resized')
            : notify
              ? t('undo.movedNotified')
              : t('undo.movedQuiet'),
        undo: { appointmentId: saved.id, version: saved.version, before },
      });
    } catch (caught) {
      if (isApiError(caught, 'CONFIRMATION_REQUIRED') && caught.details.reason === 'own_practitioner') {
        const own = caught.details.ownPractitioner;
        const practitioner = own ? [own.title, own.firstName, own.lastName].filter(Boolean).join(' ') : '';
        setQuestion({ change, notify, practitioner });
      } else {
        onMessage({
          tone: 'error',
          text:
            caught instanceof ApiError && caught.code === 'SLOT_TAKEN'
              ? t('agenda.conflict')
              : (caught as Error).message || t('common.genericError'),
        });
      }
    }
    await refresh();
    setSaving(null);
  };

  const undo = async () => {
    if (!done) return;
    const { appointmentId, version, before } = done.undo;
    setDone(null);
    try {
      const result = await api.post<UndoChangeResult>(`/api/console/appointments/${appointmentId}/undo`, {
        version,
        ...before,
      });
      onMessage({
        tone: 'success',
        text:
          result.notice === 'withdrawn'
            ? t('undo.doneWithdrawn')
            : result.notice === 'sent_again'
              ? t('undo.doneSentAgain')
              : t('undo.done'),
      });
    } catch (caught) {
      onMessage({
        tone: 'error',
        text:
          caught instanceof ApiError && caught.code === 'SLOT_TAKEN'
            ? t('undo.slotTaken')
            : caught instanceof ApiError && caught.code === 'CONFLICT'
              ? t('undo.changedSince')
              : (caught as Error).message || t('common.genericError'),
      });
    }
    await refresh();
  };

  return {
    pending,
    propose: setPending,
    cancel: () => setPending(null),
    confirm,
    /** the change shown in the grid: waiting for confirmation, or being saved */
    shown: pending ?? saving,
    question,
    answer: (agreed: boolean) => {
      const asked = question;
      setQuestion(null);
      if (agreed && asked) void confirm(asked.change, asked.notify, true);
    },
    done,
    dismiss: () => setDone(null),
    undo,
  };
}
