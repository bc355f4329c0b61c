import { type FormEvent, useState } from 'react';
import type { BookingGrant, BookingPage } from '../../../contracts/booking';
import { ApiError, api, isApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { TextField } from '../../shared/ui/field';
import { SelectField } from '../../shared/ui/select-field';
import { addDays } from '../../shared/zoned-time';
import { enc } from '../booking-api';
import { FamilyChoice } from '../flow/family-choice';
import { dayMonth, fullName, today } from '../format';
import { useI18n } from '../i18n';
import { RefusalAlert } from '../ui/refusal-alert';

interface WaitlistFormProps {
  slug: string;
  page: BookingPage;
  grant: BookingGrant;
  motifId: string;
  practitionerId: string | null;
  /** last day wished, YYYY-MM-DD (the day before a booked appointment); default four weeks */
  untilDay?: string;
  onExpired: () => void;
}

/**
 * Join the waiting list (RDV-10) with the booking token of a verified phone: the motif, a practitioner
 * or anyone, and the days that suit. A slot that frees up in that window is offered by SMS.
 */
export function WaitlistForm({
  slug,
  page,
  grant,
  motifId,
  practitionerId,
  untilDay,
  onExpired,
}: WaitlistFormProps) {
  const { t, lang } = useI18n();
  const first = today(page.practice.timeZone);
  const self = grant.family.find((member) => member.isSelf) ?? grant.family[0];
  const [patientId, setPatientId] = useState(self?.id ?? null);
  const [motif, setMotif] = useState(motifId);
  const [practitioner, setPractitioner] = useState(practitionerId ?? '');
  const [fromDay, setFromDay] = useState(first);
  const [toDay, setToDay] = useState(untilDay && untilDay >= first ? untilDay : addDays(first, 28));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [rangeError, setRangeError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const chosenMotif = page.motifs.find((entry) => entry.id === motif);
  const offering = page.practitioners.filter((entry) => chosenMotif?.practitionerIds.includes(entry.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const badRange = !fromDay || !toDay || toDay < fromDay;
    setRangeError(badRange ? t('waitlist.badRange') : undefined);
    setError(null);
    if (badRange) return;
    setBusy(true);
    try {
      await api.post(`/api/public/practices/${enc(slug)}/waitlist`, {
        bookingToken: grant.bookingToken,
        ...(patientId && patientId !== self?.id ? { patientId } : {}),
        motifId: motif,
        practitionerId: practitioner || null,
        fromDay,
        toDay,
      });
      setDone(true);
    } catch (caught) {
      if (isApiError(caught, 'CODE_EXPIRED')) onExpired();
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Alert tone="success">
        {t('waitlist.done', { from: dayMonth(fromDay, lang), to: dayMonth(toDay, lang) })}
      </Alert>
    );
  }
  const issue = (path: string) => (error instanceof ApiError ? error.issueFor(path) : undefined);
  return (
    <form className="waitlist-form" onSubmit={submit} noValidate>
      <FamilyChoice family={grant.family} value={patientId} onChange={setPatientId} />
      <SelectField
        label={t('waitlist.motif')}
        value={motif}
        onChange={(value) => {
          setMotif(value);
          setPractitioner('');
        }}
        error={issue('motifId')}
      >
        {page.motifs.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('waitlist.practitioner')}
        value={practitioner}
        onChange={setPractitioner}
        error={issue('practitionerId')}
      >
        <option value="">{t('practitioner.any')}</option>
        {offering.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {fullName(entry)}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <TextField
          label={t('waitlist.from')}
          type="date"
          min={first}
          value={fromDay}
          onChange={setFromDay}
          error={issue('fromDay')}
          required
        />
        <TextField
          label={t('waitlist.to')}
          type="date"
          min={fromDay || first}
          value={toDay}
          onChange={setToDay}
          error={rangeError ?? issue('toDay')}
          required
        />
      </div>
      <RefusalAlert
        error={error instanceof ApiError && error.issues.length > 0 ? null : error}
        phone={page.practice.phone}
      />
      <Button type="submit" busy={busy}>
        {t('waitlist.submit')}
      </Button>
    </form>
  );
}
