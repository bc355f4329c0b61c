import type { feedsFr } from './feeds.fr';

export const feedsEn: Record<keyof typeof feedsFr, string> = {
  'feeds.title': 'My agenda on my phone',
  'feeds.intro':
    'See your appointments in your phone’s calendar through a private address: the past month and the next six, updated by themselves. It is a read-only copy: appointments are still booked, moved and cancelled in Sourire.',
  'feeds.shows.initials': 'Patients appear by their initials (“L. D.”).',
  'feeds.shows.full': 'Patients appear by their first and last names.',
  'feeds.shows.none': 'Patients do not appear: only the motif.',
  'feeds.never': 'Never a phone number, email, birth date or comment.',
  'feeds.none': 'You have no calendar address yet.',
  'feeds.activeSince': 'Your address has been active since {date}.',
  'feeds.lostHint':
    'For your safety, the address is shown only once, when it is created. If you lost it or changed phones, create a new one.',
  'feeds.create': 'Create my address',
  'feeds.regenerate': 'Create a new address',
  'feeds.revoke': 'Revoke the address',
  'feeds.regenerateTitle': 'Create a new address?',
  'feeds.regenerateBody':
    'The current address will stop working at once: phones using it will no longer show your appointments. You will need to add the new address to your phone.',
  'feeds.regenerateConfirm': 'Create a new address',
  'feeds.revokeTitle': 'Revoke the address?',
  'feeds.revokeBody':
    'The address will stop working at once: phones using it will no longer show your appointments. You can create another one later.',
  'feeds.revokeConfirm': 'Revoke',
  'feeds.revoked': 'The address is revoked: it no longer works.',
  'feeds.urlLabel': 'Your private address',
  'feeds.urlOnce':
    'Copy it now: it will never be shown again. Keep it to yourself — anyone who has it sees your schedule.',
  'feeds.copy': 'Copy the address',
  'feeds.copied': 'Address copied.',
  'feeds.copyFailed': 'Copying did not work: select the address and copy it by hand.',
  'feeds.openHere': 'Open in this device’s calendar',
  'feeds.localOnly':
    'This address points to the server’s own computer (localhost): it does not work from a phone. Ask whoever installs Sourire to set its public address (PUBLIC_URL).',
  'feeds.howTo': 'How do I add it to my phone?',
  'feeds.iphone': 'On an iPhone or iPad',
  'feeds.iphone.1':
    'Create the address above, then tap “Copy the address” (or open this page on the iPhone and tap “Open in this device’s calendar”).',
  'feeds.iphone.2':
    'Open Settings › Calendar › Accounts (on recent versions: Settings › Apps › Calendar › Calendar Accounts).',
  'feeds.iphone.3': 'Tap “Add Account” › “Other” › “Add Subscribed Calendar”.',
  'feeds.iphone.4': 'Paste the address, tap “Next”, then “Save”.',
  'feeds.android': 'On Android (Google Calendar)',
  'feeds.android.1':
    'On a computer, open calendar.google.com with your phone’s Google account (the phone app cannot add an address).',
  'feeds.android.2': 'On the left, next to “Other calendars”, click “+”, then “From URL”.',
  'feeds.android.3': 'Paste the address, then click “Add calendar”.',
  'feeds.android.4':
    'On the phone, the calendar appears in Google Calendar after a few minutes. Google refreshes it only a few times a day: a very recent appointment may take a while to show.',
  'feeds.admin.title': 'Practitioners’ agendas on phones',
  'feeds.admin.intro':
    'Each practitioner creates their own private address from their console home page. You can revoke one, for instance after a phone is lost or someone leaves.',
  'feeds.admin.practitioner': 'Practitioner',
  'feeds.admin.state': 'Address',
  'feeds.admin.active': 'Active since {date}',
  'feeds.admin.inactive': 'None',
  'feeds.admin.empty': 'No practitioners yet.',
  'feeds.admin.revokeTitle': 'Revoke {name}’s address?',
  'feeds.admin.revokeBody':
    '{name}’s address will stop working on their devices at once. {name} can create a new one from their console.',
  'feeds.admin.revoked': '{name}’s address is revoked.',
  'feeds.detail.legend': 'What phone calendars and the daily backup show of patients',
  'feeds.detail.initials': 'Initials (“L. D.”) — recommended',
  'feeds.detail.full': 'First and last names',
  'feeds.detail.none': 'Nothing: only the motif',
  'feeds.detail.save': 'Save',
  'feeds.detail.saved': 'Setting saved. Phone calendars follow at their next refresh.',
  'feeds.backup':
    'Every night around 2 am, Sourire also saves a copy of the next 30 days of planning on the practice’s server (the “exports” folder of its data), as a spreadsheet (CSV) and a calendar (.ics). Copies older than 30 days are deleted.',
};
