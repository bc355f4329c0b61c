import type { Config } from '../../config';

/**
 * The push services browsers subscribe with (Chrome, Edge, Samsung, Opera → FCM; Firefox → Mozilla;
 * Windows → WNS; Safari → Apple). The server POSTs to a subscription's endpoint, so it accepts only
 * these hosts over https: a made-up endpoint cannot make it call an internal address. Tests (NODE_ENV
 * test) may use a local endpoint instead.
 */
const pushServiceHosts = [
  'fcm.googleapis.com',
  'android.googleapis.com',
  'push.services.mozilla.com',
  'notify.windows.com',
  'push.apple.com',
];

export function acceptedPushEndpoint(endpoint: string, env: Config['env']): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (env === 'test') return url.protocol === 'https:' || url.protocol === 'http:';
  return (
    url.protocol === 'https:' &&
    pushServiceHosts.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`))
  );
}
