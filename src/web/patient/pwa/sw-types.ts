// The few service-worker types the patient app's worker uses. The project compiles against the DOM library,
// and TypeScript's WebWorker library cannot share one program with it (both declare `self`, `onmessage`…),
// so these are declared here, after https://w3c.github.io/ServiceWorker/, rather than with a second tsconfig.

/** What the build writes into the worker: see scripts/vite/patient-pwa.ts. */
export interface PwaBuild {
  /** Hash of every precached file's content: a new build is a new worker, hence an update. */
  version: string;
  /** The URL answered for every navigation inside the scope (the app's HTML page). */
  shell: string;
  /** Everything the app needs to start offline: the shell, its JS and CSS, the manifest and icons. */
  urls: string[];
}

export interface SwExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

export interface SwFetchEvent extends SwExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}

/** A push message (https://w3c.github.io/push-api/#pushevent-interface). */
export interface SwPushEvent extends SwExtendableEvent {
  readonly data: { json(): unknown; text(): string } | null;
}

/** The push service replaced or ended this browser's subscription (Firefox fires it; Chrome rarely). */
export interface SwPushSubscriptionChangeEvent extends SwExtendableEvent {
  readonly oldSubscription: PushSubscription | null;
  readonly newSubscription: PushSubscription | null;
}

/** A click on a notification the worker showed. */
export interface SwNotificationEvent extends SwExtendableEvent {
  readonly notification: Notification;
}

/** A window of the app (https://w3c.github.io/ServiceWorker/#windowclient-interface). */
export interface SwWindowClient {
  readonly url: string;
  focus(): Promise<SwWindowClient>;
  navigate(url: string): Promise<SwWindowClient | null>;
}

export interface SwGlobalScope {
  readonly location: Location;
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<SwWindowClient[]>;
    openWindow(url: string): Promise<SwWindowClient | null>;
  };
  readonly registration: ServiceWorkerRegistration;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: SwExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
  addEventListener(type: 'push', listener: (event: SwPushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: SwNotificationEvent) => void): void;
  addEventListener(
    type: 'pushsubscriptionchange',
    listener: (event: SwPushSubscriptionChangeEvent) => void,
  ): void;
}
