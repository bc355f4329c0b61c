import type { MessageEvent as MessageNotice, ThreadReadEvent } from '../../../contracts/messaging';
import { messagePaths } from './messages-api';

/** What the console's message stream says, ids only; `reconnected` asks to read everything again. */
export type StreamNotice =
  | { kind: 'message'; data: MessageNotice }
  | { kind: 'read'; data: ThreadReadEvent }
  | { kind: 'reconnected' };

type Listener = (notice: StreamNotice) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;
let retryTimer: number | undefined;
let opened = false;

const retryMs = 10_000;

function emit(notice: StreamNotice): void {
  for (const listener of listeners) listener(notice);
}

function connect(): void {
  if (typeof EventSource === 'undefined' || source) return;
  const stream = new EventSource(messagePaths.stream);
  source = stream;
  stream.onopen = () => {
    // whatever arrived while disconnected is read again
    if (opened) emit({ kind: 'reconnected' });
    opened = true;
  };
  stream.onerror = () => {
    // EventSource gives up after an error answer (a locked or expired session): try again later
    if (stream.readyState !== EventSource.CLOSED) return;
    stream.close();
    if (source === stream) source = null;
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(() => {
      if (listeners.size > 0) connect();
    }, retryMs);
  };
  stream.addEventListener('message', (event) => {
    emit({ kind: 'message', data: JSON.parse((event as MessageEvent<string>).data) as MessageNotice });
  });
  stream.addEventListener('read', (event) => {
    emit({ kind: 'read', data: JSON.parse((event as MessageEvent<string>).data) as ThreadReadEvent });
  });
}

function disconnect(): void {
  window.clearTimeout(retryTimer);
  source?.close();
  source = null;
  opened = false;
}

/**
 * Listens to the console's message stream (NOT-4). One EventSource serves the whole tab — the navigation's
 * badge, the inbox and the open thread — opened with the first listener and closed with the last.
 */
export function subscribeMessageStream(listener: Listener): () => void {
  listeners.add(listener);
  connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) disconnect();
  };
}
