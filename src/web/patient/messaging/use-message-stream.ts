import { useEffect, useRef } from 'react';
import type { MessageEvent as MessageNotice, ThreadReadEvent } from '../../../contracts/messaging';
import { messagingPaths, type StreamEvent } from './messaging-api';

/**
 * Listens to the family's message stream (server-sent events, ids only) while a messaging screen is open.
 * EventSource reconnects by itself; after an error answer (session ended) it is closed and tried again
 * later. `onReconnect` lets the screen read again what it may have missed while disconnected.
 */
export function useMessageStream(onEvent: (event: StreamEvent) => void, onReconnect?: () => void): void {
  const latest = useRef({ onEvent, onReconnect });
  latest.current = { onEvent, onReconnect };
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: number | undefined;
    let opened = false;
    const open = () => {
      source = new EventSource(messagingPaths.stream);
      source.onopen = () => {
        if (opened) latest.current.onReconnect?.();
        opened = true;
      };
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = window.setTimeout(open, 10_000);
        }
      };
      source.addEventListener('message', (event) => {
        const data = parse<MessageNotice>(event);
        if (data) latest.current.onEvent({ kind: 'message', data });
      });
      source.addEventListener('read', (event) => {
        const data = parse<ThreadReadEvent>(event);
        if (data) latest.current.onEvent({ kind: 'read', data });
      });
    };
    open();
    return () => {
      window.clearTimeout(retry);
      source?.close();
    };
  }, []);
}

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}
