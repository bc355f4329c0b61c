import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { StaffChangeRequest } from '../../../contracts/patient-app';
import { api, isApiError } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { useI18n } from '../i18n';
import type { ConsoleKey } from '../i18n/fr';
import { duplicateMatches } from '../patients/duplicate-warning';
import { conflictReason } from '../settings/common/field-errors';
import { ChangeRequestDiff } from './change-request-diff';
import { DuplicateChoice, type PossibleDuplicate } from './duplicate-choice';
import { filedName, instantFormat, maskedPhone } from './format';

interface ChangeRequestCardProps {
  request: StaffChangeRequest;
  timeZone: string;
  /** admin and front desk decide; practitioners read */
  canDecide: boolean;
  onAccepted: (request: StaffChangeRequest) => void;
  onReject: (request: StaffChangeRequest) => void;
  /** someone else decided first: the list reloads */
  onStale: () => void;
}

/** Whom a request is about, as its heading and buttons name it. */
export function subjectName(request: StaffChangeRequest): string {
  const person = request.patient ?? request.dependant ?? request.requestedBy;
  return person ? filedName(person) : '';
}

/**
 * One review request: what kind, for whom, who asked from which (masked) phone and when, the changes
 * field by field or the dependant to add, and what was decided. A pending one has Accept and Reject;
 * a new dependant that may already have a file offers to link that file or create one anyway.
 */
export function ChangeRequestCard({
  request,
  timeZone,
  canDecide,
  onAccepted,
  onReject,
  onStale,
}: ChangeRequestCardProps) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [lateMatches, setLateMatches] = useState<PossibleDuplicate[] | null>(null);
  const when = instantFormat(lang, timeZone);
  const name = subjectName(request);
  const kind = t(`reviews.kind.${request.kind}`);
  const pending = request.status === 'pending';
  const matches = lateMatches ?? (request.possibleDuplicates.length > 0 ? request.possibleDuplicates : null);
  const stale = isApiError(error, 'CONFLICT') && error.details?.status !== undefined;
  const conflict = conflictMessage(error);

  const accept = async (body: { confirmDuplicate?: true; existingPatientId?: string }) => {
    setBusy(true);
    setError(null);
    try {
      onAccepted(
        await api.post<StaffChangeRequest>(`/api/console/change-requests/${request.id}/accept`, body),
      );
    } catch (caught) {
      const found = duplicateMatches(caught);
      if (found) setLateMatches(found);
      else setError(caught);
      if (isApiError(caught, 'CONFLICT') && caught.details?.status !== undefined) onStale();
    } finally {
      setBusy(false);
    }
  };

  const fileOf = request.patient ?? (request.kind === 'add_dependant' ? request.requestedBy : null);
  const headingId = `review-${request.id}`;
  // once decided, its buttons are gone: the focus goes to the card, where the outcome is read
  const heading = useRef<HTMLHeadingElement>(null);
  const wasPending = useRef(pending);
  useEffect(() => {
    if (wasPending.current && !pending) heading.current?.focus();
    wasPending.current = pending;
  }, [pending]);
  return (
    <article className={`review review--${request.status}`} aria-labelledby={headingId}>
      <header className="review__header">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="review__title">
          {t('reviews.requestFor', { kind, name })}
        </h2>
        <span className={`badge review-badge--${request.status}`}>
          {t(`reviews.status.${request.status}`)}
        </span>
      </header>
      <p className="review__meta muted">
        {request.requestedBy
          ? t('reviews.askedBy', {
              name: filedName(request.requestedBy),
              // kept on one line
              phone: maskedPhone(request.requestedBy.phone).replaceAll(' ', '\u00a0'),
              date: when.format(new Date(request.createdAt)),
            })
          : t('reviews.askedOn', { date: when.format(new Date(request.createdAt)) })}
      </p>
      {fileOf ? (
        <p className="review__file">
          <Link href={`/patients/${fileOf.id}`}>{t('reviews.openFile', { name: filedName(fileOf) })}</Link>
        </p>
      ) : request.kind === 'update_info' ? (
        <p className="muted">{t('reviews.fileGone')}</p>
      ) : null}

      {request.kind === 'update_info' ? (
        <ChangeRequestDiff diff={request.diff} caption={t('reviews.changes')} />
      ) : request.dependant ? (
        <div className="review__dependant">
          <p>
            {t('reviews.dependant', {
              name: filedName(request.dependant),
              date: displayDate(request.dependant.birthDate, lang),
            })}
          </p>
          {pending && request.requestedBy ? (
            <p className="muted">{t('reviews.dependantParent', { name: filedName(request.requestedBy) })}</p>
          ) : null}
        </div>
      ) : null}

      {!pending ? <Decision request={request} when={when} /> : null}

      {pending && canDecide && matches ? (
        <DuplicateChoice
          matches={matches}
          busy={busy}
          focusOnShow={lateMatches !== null}
          onLink={(match) => void accept({ existingPatientId: match.id })}
          onCreate={() => void accept({ confirmDuplicate: true })}
        />
      ) : null}
      {stale ? (
        <Alert tone="info">{t('reviews.alreadyDecided')}</Alert>
      ) : conflict ? (
        <Alert tone="error">{t(conflict)}</Alert>
      ) : (
        <ErrorAlert error={error} withFields />
      )}
      {pending && canDecide ? (
        <div className="form-actions review__actions">
          {matches ? null : (
            <Button busy={busy} onClick={() => void accept({})} aria-label={t('reviews.acceptFor', { name })}>
              {t('reviews.accept')}
            </Button>
          )}
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => onReject(request)}
            aria-label={t('reviews.rejectFor', { name })}
          >
            {t('reviews.reject')}
          </Button>
        </div>
      ) : null}
    </article>
  );
}

const conflictKeys = {
  patient_archived: 'reviews.conflict.patient_archived',
  requester_gone: 'reviews.conflict.requester_gone',
  parents_taken: 'reviews.conflict.parents_taken',
} as const satisfies Record<string, ConsoleKey>;

function isKnownConflict(reason: string): reason is keyof typeof conflictKeys {
  return Object.hasOwn(conflictKeys, reason);
}

/** A clearer sentence for the refusals of an accept the console understands. */
function conflictMessage(error: unknown): ConsoleKey | undefined {
  const reason = conflictReason(error);
  return reason && isKnownConflict(reason) ? conflictKeys[reason] : undefined;
}

/** Who decided what and when, and the reason the patient reads after a rejection. */
function Decision({ request, when }: { request: StaffChangeRequest; when: Intl.DateTimeFormat }) {
  const { t } = useI18n();
  if (request.status === 'pending') return null;
  const date = request.decidedAt ? when.format(new Date(request.decidedAt)) : '';
  return (
    <div className="review__decision">
      <p>
        {request.decidedBy
          ? t(`reviews.decided.${request.status}`, {
              name: `${request.decidedBy.firstName} ${request.decidedBy.lastName}`,
              date,
            })
          : t(`reviews.decidedAt.${request.status}`, { date })}
      </p>
      {request.reason ? (
        <p className="muted">{t('reviews.reasonGiven', { reason: request.reason })}</p>
      ) : null}
    </div>
  );
}
