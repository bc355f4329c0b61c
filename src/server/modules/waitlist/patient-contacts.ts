import type { NotificationChannel } from '../../db/schema';
import type { PatientContact } from '../notifications/patient-contacts';

export { type PatientContact, patientContacts } from '../notifications/patient-contacts';

/** The channels an offer goes by: the patient's choice, falling back on whichever contact exists. */
export function offerChannels(
  channel: NotificationChannel,
  contact: PatientContact,
  smsInTime: boolean,
): { sms: string | null; email: string | null } {
  const phone = smsInTime ? contact.phone : null;
  const wantsSms = channel !== 'email' || !contact.email;
  const wantsEmail = channel !== 'sms' || !phone;
  return { sms: wantsSms ? phone : null, email: wantsEmail ? contact.email : null };
}
