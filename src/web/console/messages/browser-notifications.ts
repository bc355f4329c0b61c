/**
 * Browser notifications for new patient messages (NOT-4). The permission is asked only from a click (browsers
 * refuse or penalise asking on load); a notification shows only when the person would not see the message
 * arrive: the tab hidden, or another page of the console open.
 */

export type NotificationState = 'unsupported' | NotificationPermission;

export function notificationState(): NotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** To call from a click: the browser asks the person. */
export async function askNotificationPermission(): Promise<NotificationState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

export function shouldNotify(onMessagesPage: boolean): boolean {
  if (notificationState() !== 'granted') return false;
  return document.visibilityState === 'hidden' || !onMessagesPage;
}

/**
 * Shows a notification that names no patient (it may show on a screen others see); a click brings the tab
 * forward on the thread. One per thread: a newer message replaces the older notification.
 */
export function showMessageNotification(
  text: { title: string; body: string },
  tag: string,
  onClick: () => void,
): void {
  try {
    const notification = new Notification(text.title, {
      body: text.body,
      tag,
      lang: document.documentElement.lang,
    });
    notification.onclick = () => {
      window.focus();
      onClick();
      notification.close();
    };
  } catch {
    // some browsers allow notifications only from a service worker: the badge still says it
  }
}
