import type { StaffMember } from '../../../../contracts/staff';
import type { StaffRoleName } from '../../../../contracts/staff-auth';
import { textOrNull } from '../common/field-errors';

/** A member as the admin edits them. */
export interface MemberForm {
  role: StaffRoleName;
  title: string;
  firstName: string;
  lastName: string;
  speciality: string;
  colour: string;
  activeInApp: boolean;
  onlineBookingOpen: boolean;
  agendaGrants: string[];
}

/** A practitioner without a colour gets the brand's, so their agenda column is never colourless. */
const defaultColour = '#0f6e6e';

export function memberFormOf(member: StaffMember): MemberForm {
  return {
    role: member.role,
    title: member.title ?? '',
    firstName: member.firstName,
    lastName: member.lastName,
    speciality: member.speciality ?? '',
    colour: member.colour ?? defaultColour,
    activeInApp: member.activeInApp,
    onlineBookingOpen: member.onlineBookingOpen,
    agendaGrants: member.agendaGrants,
  };
}

/**
 * Colour, app and booking flags and grants only mean something for a practitioner; other roles see
 * every agenda, so their grants are cleared.
 */
export function memberBodyOf(form: MemberForm) {
  const base = {
    role: form.role,
    title: textOrNull(form.title),
    firstName: form.firstName,
    lastName: form.lastName,
    speciality: textOrNull(form.speciality),
  };
  if (form.role !== 'practitioner') return { ...base, agendaGrants: [] };
  return {
    ...base,
    colour: form.colour,
    activeInApp: form.activeInApp,
    onlineBookingOpen: form.onlineBookingOpen,
    agendaGrants: form.agendaGrants,
  };
}

export const memberPaths = new Set([
  'role',
  'title',
  'firstName',
  'lastName',
  'speciality',
  'colour',
  'agendaGrants',
]);
