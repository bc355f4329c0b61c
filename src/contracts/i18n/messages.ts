import type { AppErrorCode, RefusalReason } from '../errors';
import { interpolate, type Lang } from './lang';

/**
 * Message keys that schemas and use cases put in a validation issue's `message`. The server translates
 * them into the caller's language, so schemas stay language-free.
 */
export type ValidationKey =
  | 'required'
  | 'invalid_type'
  | 'too_short'
  | 'too_long'
  | 'too_small'
  | 'too_big'
  | 'invalid_format'
  | 'invalid_choice'
  | 'unknown_field'
  | 'email'
  | 'phone'
  | 'date'
  | 'birth_date_future'
  | 'birth_date_too_old'
  | 'password_weak'
  | 'code_format'
  | 'name'
  | 'postal_code'
  | 'time'
  | 'uuid'
  | 'email_taken'
  | 'motif_not_for_secretary'
  | 'end_before_start'
  | 'not_yourself'
  | 'no_change'
  | 'reminders_max'
  | 'reminder_duplicate'
  | 'message_empty'
  | 'too_many_files'
  | 'author_not_in_family'
  | 'invalid_characters'
  | 'date_out_of_range'
  | 'nothing_to_change'
  | 'password_wrong'
  | 'mfa_code_format';

type Dictionary<K extends string> = Record<K, string>;

const validationFr: Dictionary<ValidationKey> = {
  required: 'Ce champ est obligatoire.',
  invalid_type: 'Valeur invalide.',
  too_short: 'Trop court : au moins {minimum} caractères.',
  too_long: 'Trop long : au plus {maximum} caractères.',
  too_small: 'La valeur doit être au moins {minimum}.',
  too_big: 'La valeur doit être au plus {maximum}.',
  invalid_format: 'Format invalide.',
  invalid_choice: 'Choix invalide.',
  unknown_field: 'Champ inconnu : {keys}.',
  email: 'Adresse e-mail invalide.',
  phone: 'Numéro de téléphone invalide.',
  date: 'Date invalide (JJ/MM/AAAA).',
  birth_date_future: 'La date de naissance ne peut pas être dans le futur.',
  birth_date_too_old: 'Date de naissance invraisemblable.',
  password_weak: 'Le mot de passe doit contenir au moins 10 caractères.',
  code_format: 'Le code comporte 6 chiffres.',
  name: 'Nom invalide.',
  postal_code: 'Code postal invalide.',
  time: 'Heure invalide (HH:MM).',
  uuid: 'Identifiant invalide.',
  email_taken: 'Cette adresse e-mail est déjà utilisée.',
  motif_not_for_secretary: 'Ce motif ne peut pas être pris par le secrétariat.',
  end_before_start: 'La fin doit être après le début.',
  not_yourself: 'Un patient ne peut pas être son propre responsable.',
  no_change: 'Aucune modification : ces informations sont déjà celles du dossier.',
  reminders_max: 'Au plus {max} rappels.',
  reminder_duplicate: 'Ce rappel existe déjà.',
  message_empty: 'Écrivez un message ou joignez un fichier.',
  too_many_files: 'Au plus {max} fichiers par message.',
  author_not_in_family: 'Choisissez qui écrit parmi les personnes de votre famille.',
  invalid_characters: 'Ce texte contient un caractère invalide.',
  date_out_of_range: 'Date hors des limites acceptées (années 1900 à 2200).',
  nothing_to_change: 'Indiquez au moins un champ à modifier.',
  password_wrong: 'Ce n’est pas votre mot de passe actuel.',
  mfa_code_format: 'Saisissez le code à 6 chiffres de votre application, ou un code de secours.',
};

const validationEn: Dictionary<ValidationKey> = {
  required: 'This field is required.',
  invalid_type: 'Invalid value.',
  too_short: 'Too short: at least {minimum} characters.',
  too_long: 'Too long: at most {maximum} characters.',
  too_small: 'The value must be at least {minimum}.',
  too_big: 'The value must be at most {maximum}.',
  invalid_format: 'Invalid format.',
  invalid_choice: 'Invalid choice.',
  unknown_field: 'Unknown field: {keys}.',
  email: 'Invalid email address.',
  phone: 'Invalid phone number.',
  date: 'Invalid date (DD/MM/YYYY).',
  birth_date_future: 'The date of birth cannot be in the future.',
  birth_date_too_old: 'Implausible date of birth.',
  password_weak: 'The password must have at least 10 characters.',
  code_format: 'The code has 6 digits.',
  name: 'Invalid name.',
  postal_code: 'Invalid postal code.',
  time: 'Invalid time (HH:MM).',
  uuid: 'Invalid identifier.',
  email_taken: 'This email address is already in use.',
  motif_not_for_secretary: 'This motif cannot be booked by the front desk.',
  end_before_start: 'The end must come after the start.',
  not_yourself: 'A patient cannot be their own responsable.',
  no_change: 'Nothing to change: the file already holds this information.',
  reminders_max: 'At most {max} reminders.',
  reminder_duplicate: 'This reminder already exists.',
  message_empty: 'Write a message or attach a file.',
  too_many_files: 'At most {max} files per message.',
  author_not_in_family: 'Choose who is writing among the people of your family.',
  invalid_characters: 'This text contains an invalid character.',
  date_out_of_range: 'Date out of the accepted range (years 1900 to 2200).',
  nothing_to_change: 'Give at least one field to change.',
  password_wrong: 'This is not your current password.',
  mfa_code_format: 'Enter the 6-digit code of your app, or a recovery code.',
};

const errorFr: Dictionary<AppErrorCode> = {
  VALIDATION_FAILED: 'Certains champs sont invalides.',
  MALFORMED_BODY: 'La requête est mal formée.',
  BODY_TOO_LARGE: 'La requête est trop volumineuse.',
  UNSUPPORTED_MEDIA_TYPE: 'Type de contenu non accepté.',
  UNAUTHENTICATED: 'Veuillez vous connecter.',
  INVALID_CREDENTIALS: 'Identifiants incorrects.',
  SESSION_LOCKED: 'Session verrouillée : saisissez votre mot de passe.',
  FORBIDDEN: 'Vous n’avez pas accès à cette fonction.',
  CSRF_REJECTED: 'Requête refusée (origine non autorisée).',
  NOT_FOUND: 'Introuvable.',
  IDENTITY_NOT_MATCHED: 'Nous n’avons pas pu vous identifier. Vérifiez les informations saisies.',
  APP_ACCESS_DISABLED:
    'Votre dossier n’est pas partagé via l’application, à votre demande. Contactez le cabinet pour changer ce choix.',
  MODULE_DISABLED: 'Votre cabinet ne propose pas cette fonction dans l’application.',
  CODE_INVALID: 'Code incorrect.',
  CODE_EXPIRED: 'Ce code n’est plus valable. Demandez un nouveau code.',
  INVITATION_INVALID: 'Ce lien d’invitation n’est plus valable.',
  RESET_LINK_INVALID: 'Ce lien de réinitialisation n’est plus valable. Demandez-en un nouveau.',
  MFA_ENROLMENT_REQUIRED:
    'Le cabinet exige la connexion en deux étapes : configurez une application d’authentification.',
  ALREADY_EXISTS: 'Cette valeur est déjà utilisée.',
  FILE_EMPTY: 'Ce fichier est vide : rien n’a été envoyé.',
  FILE_TOO_LARGE: 'Ce fichier dépasse la taille maximale de {maxMb} Mo : rien n’a été envoyé.',
  FILE_TYPE_NOT_ALLOWED:
    'Ce fichier n’est pas accepté : son contenu n’est pas un format autorisé ({accepted}). Rien n’a été envoyé.',
  PDF_NOT_SIGNABLE:
    'Ce PDF ne pourra pas être signé : il est protégé par un mot de passe ou illisible. Rien n’a été envoyé.',
  NOT_SIGNER: 'Seul le patient, ou un responsable si le patient est mineur, peut signer ce document.',
  DOCUMENT_ALREADY_SIGNED: 'Ce document est déjà signé.',
  LINK_EXPIRED: 'Ce lien n’est plus valable. Demandez au cabinet de vous renvoyer le document.',
  SLOT_TAKEN: 'Ce créneau vient d’être pris.',
  CONFIRMATION_REQUIRED: 'Une confirmation est nécessaire.',
  BOOKING_NOT_ALLOWED: 'Ce rendez-vous ne peut pas être pris en ligne.',
  CONFLICT: 'Conflit avec l’état actuel.',
  TOO_MANY_ATTEMPTS: 'Trop de tentatives. Réessayez plus tard.',
  INTERNAL: 'Une erreur est survenue de notre côté.',
  UNAVAILABLE: 'Service momentanément indisponible.',
};

const errorEn: Dictionary<AppErrorCode> = {
  VALIDATION_FAILED: 'Some fields are invalid.',
  MALFORMED_BODY: 'The request is malformed.',
  BODY_TOO_LARGE: 'The request is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'Content type not accepted.',
  UNAUTHENTICATED: 'Please sign in.',
  INVALID_CREDENTIALS: 'Incorrect credentials.',
  SESSION_LOCKED: 'Session locked: enter your password.',
  FORBIDDEN: 'You do not have access to this.',
  CSRF_REJECTED: 'Request refused (origin not allowed).',
  NOT_FOUND: 'Not found.',
  IDENTITY_NOT_MATCHED: 'We could not identify you. Please check what you entered.',
  APP_ACCESS_DISABLED:
    'At your request, your file is not shared through the app. Contact the practice to change this choice.',
  MODULE_DISABLED: 'Your practice does not offer this feature in the app.',
  CODE_INVALID: 'Incorrect code.',
  CODE_EXPIRED: 'This code is no longer valid. Ask for a new code.',
  INVITATION_INVALID: 'This invitation link is no longer valid.',
  RESET_LINK_INVALID: 'This reset link is no longer valid. Ask for a new one.',
  MFA_ENROLMENT_REQUIRED: 'The practice requires two-step sign-in: set up an authenticator app.',
  ALREADY_EXISTS: 'This value is already in use.',
  FILE_EMPTY: 'This file is empty: nothing was sent.',
  FILE_TOO_LARGE: 'This file is larger than the {maxMb} MB limit: nothing was sent.',
  FILE_TYPE_NOT_ALLOWED:
    'This file is not accepted: its content is not an allowed format ({accepted}). Nothing was sent.',
  PDF_NOT_SIGNABLE: 'This PDF could not be signed: it is password-protected or unreadable. Nothing was sent.',
  NOT_SIGNER: 'Only the patient, or a responsable when the patient is a minor, can sign this document.',
  DOCUMENT_ALREADY_SIGNED: 'This document is already signed.',
  LINK_EXPIRED: 'This link is no longer valid. Ask the practice to send you the document again.',
  SLOT_TAKEN: 'This slot was just taken.',
  CONFIRMATION_REQUIRED: 'A confirmation is needed.',
  BOOKING_NOT_ALLOWED: 'This appointment cannot be booked online.',
  CONFLICT: 'Conflict with the current state.',
  TOO_MANY_ATTEMPTS: 'Too many attempts. Try again later.',
  INTERNAL: 'Something went wrong on our side.',
  UNAVAILABLE: 'Service temporarily unavailable.',
};

const validation: Record<Lang, Dictionary<ValidationKey>> = { fr: validationFr, en: validationEn };
const errors: Record<Lang, Dictionary<AppErrorCode>> = { fr: errorFr, en: errorEn };

export function isValidationKey(value: string): value is ValidationKey {
  return value in validationFr;
}

export function validationMessage(lang: Lang, key: ValidationKey, params?: Record<string, unknown>): string {
  return interpolate(validation[lang][key], params);
}

/** The message of an error code; `params` fill its placeholders (FILE_TOO_LARGE's `{maxMb}`). */
export function errorMessage(lang: Lang, code: AppErrorCode, params?: Record<string, unknown>): string {
  return interpolate(errors[lang][code], params);
}

export type { RefusalReason } from '../errors';

const refusalFr: Dictionary<RefusalReason> = {
  booking_closed: 'La prise de rendez-vous en ligne est fermée pour ce cabinet. Appelez le cabinet.',
  practitioner_closed: 'Ce praticien ne prend pas de rendez-vous en ligne en ce moment. Appelez le cabinet.',
  motif_not_online: 'Ce motif ne se réserve pas en ligne. Appelez le cabinet.',
  too_soon: 'Ce créneau est trop proche : il doit être réservé plus tôt.',
  too_late: 'Ce créneau est trop loin dans le temps pour être réservé en ligne.',
  new_patients_only: 'Ce motif est réservé aux nouveaux patients du cabinet.',
  existing_patients_only: 'Ce motif est réservé aux patients déjà suivis par le cabinet.',
  follow_up_only: 'Ce motif se prend uniquement avec votre praticien habituel.',
  not_a_slot: 'Cet horaire n’est pas un créneau disponible.',
  not_in_family: 'Vous ne pouvez prendre rendez-vous que pour vous-même ou vos proches.',
  cutoff_passed: 'Il est trop tard pour annuler ou déplacer ce rendez-vous en ligne. Appelez le cabinet.',
  appointment_past: 'Ce rendez-vous est passé.',
  appointment_cancelled: 'Ce rendez-vous est annulé.',
  offer_taken: 'Ce créneau vient d’être pris par un autre patient.',
  offer_expired: 'Cette proposition n’est plus valable.',
};

const refusalEn: Dictionary<RefusalReason> = {
  booking_closed: 'Online booking is closed for this practice. Call the practice.',
  practitioner_closed: 'This practitioner does not take online bookings at the moment. Call the practice.',
  motif_not_online: 'This motif cannot be booked online. Call the practice.',
  too_soon: 'This slot is too close: it must be booked earlier.',
  too_late: 'This slot is too far ahead to be booked online.',
  new_patients_only: 'This motif is for new patients of the practice only.',
  existing_patients_only: 'This motif is for patients already followed by the practice.',
  follow_up_only: 'This motif is booked with your usual practitioner only.',
  not_a_slot: 'This time is not a free slot.',
  not_in_family: 'You can only book for yourself or your family.',
  cutoff_passed: 'It is too late to cancel or move this appointment online. Call the practice.',
  appointment_past: 'This appointment is over.',
  appointment_cancelled: 'This appointment is cancelled.',
  offer_taken: 'This slot was just taken by another patient.',
  offer_expired: 'This offer is no longer valid.',
};

const refusals: Record<Lang, Dictionary<RefusalReason>> = { fr: refusalFr, en: refusalEn };

export function isRefusalReason(value: string): value is RefusalReason {
  return value in refusalFr;
}

export function refusalMessage(lang: Lang, reason: RefusalReason): string {
  return refusals[lang][reason];
}
