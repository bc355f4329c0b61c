import { useState } from 'react';
import { Link } from 'wouter';
import type { PatientDetail } from '../../../contracts/patients';
import type { StaffMe } from '../../../contracts/staff-auth';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { AddEntryDialog } from '../waitlist/add-entry-dialog';
import type { ConsolePractitioner } from './use-practitioners';

interface PatientActionsProps {
  me: StaffMe;
  patient: PatientDetail;
  /** the motif the patient usually comes for, once the history is read */
  usualMotifId: string | undefined;
  practitioners: ConsolePractitioner[] | null;
  onWaitlisted: () => void;
}

/** Where the agenda opens to book this patient: their own dentist and usual motif prefilled (§2.10). */
export function bookingHref(patient: PatientDetail, usualMotifId: string | undefined): string {
  const params = new URLSearchParams({ book: patient.id });
  if (patient.ownPractitionerId) params.set('practitioner', patient.ownPractitionerId);
  if (usualMotifId) params.set('motif', usualMotifId);
  return `/agenda?${params}`;
}

/**
 * What the front desk does from a patient's file without searching them again (issue 9 §2.10): book
 * an appointment, write a message, put them on the waiting list.
 */
export function PatientActions({
  me,
  patient,
  usualMotifId,
  practitioners,
  onWaitlisted,
}: PatientActionsProps) {
  const { t } = useI18n();
  const [waitlisting, setWaitlisting] = useState(false);
  const own = patient.ownPractitionerId ?? undefined;
  return (
    <>
      <Link className="button" href={bookingHref(patient, usualMotifId)}>
        {t('patients.action.book')}
      </Link>
      <Link className="button button--secondary" href={`/messages/${patient.id}`}>
        {t('patients.action.message')}
      </Link>
      <Button variant="secondary" onClick={() => setWaitlisting(true)}>
        {t('patients.action.waitlist')}
      </Button>
      {waitlisting ? (
        <AddEntryDialog
          me={me}
          practitioners={practitioners}
          initial={{
            patient: {
              id: patient.id,
              lastName: patient.lastName,
              firstName: patient.firstName,
              birthDate: patient.birthDate,
              ownPractitionerId: patient.ownPractitionerId ?? null,
            },
            motifId: usualMotifId,
            practitionerId: own,
          }}
          onClose={() => setWaitlisting(false)}
          onAdded={() => {
            setWaitlisting(false);
            onWaitlisted();
          }}
        />
      ) : null}
    </>
  );
}
