import type { pushFr } from './push.fr';

export const pushEn: Record<keyof typeof pushFr, string> = {
  'push.title': 'Notifications on this device',
  'push.why':
    'Get a notification when the practice answers you and for your appointment reminders. It only says “New message” or “Appointment reminder”, never the content or your care.',
  'push.fallback': 'Without notifications, we tell you by text message or email, as today.',
  'push.enable': 'Turn on notifications',
  'push.askHint': 'Your browser will ask for your permission.',
  'push.on': 'Notifications are on for this device.',
  'push.disable': 'Turn off notifications',
  'push.off': 'Notifications are off on this device: we tell you by text message or email.',
  'push.denied':
    'Notifications are blocked for this site: we tell you by text message or email. To change your mind, allow notifications for this site in your browser’s settings, then come back to this page.',
  'push.unsupported':
    'This browser cannot show notifications: we tell you by text message or email. On an iPhone or iPad, first add the app to your home screen (Share › Add to Home Screen), then open it from its icon.',
  'push.failed':
    'Notifications could not be turned on for this device. Try again later; meanwhile we tell you by text message or email.',
  'push.checking': 'Checking notifications…',
};
