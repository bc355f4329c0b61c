import { EventEmitter } from 'node:events';
import pg from 'pg';

/** Something changed in a practice's agenda: the consoles showing it refresh. */
export interface AgendaChange {
  practiceId: string;
  practitionerIds: string[];
  appointmentId?: string;
}

/**
 * Something happened that consoles or patient apps show live, apart from the agenda: a new message of a
 * thread (MSG-3, NOT-4), a thread read by one side. Ids only: whoever listens reads the rest through the
 * API, with its own authorization.
 */
export type LiveNotice =
  | {
      kind: 'message';
      practiceId: string;
      threadId: string;
      /** the thread's patient */
      patientId: string;
      messageId: string;
      authorKind: 'patient' | 'staff';
    }
  | {
      kind: 'thread_read';
      practiceId: string;
      threadId: string;
      patientId: string;
      /** the side that read the other side's messages */
      by: 'patient' | 'staff';
    };

/**
 * Live updates (server-sent events) across server instances. In one process an EventEmitter is
 * enough; with PostgreSQL, changes go through LISTEN/NOTIFY so every instance hears every change.
 */
export interface LiveBus {
  publish(change: AgendaChange): void;
  subscribe(practiceId: string, listener: (change: AgendaChange) => void): () => void;
  /** Notices (messages) go on their own channel, so agenda listeners never see them. */
  publishNotice(notice: LiveNotice): void;
  subscribeNotices(practiceId: string, listener: (notice: LiveNotice) => void): () => void;
  close(): Promise<void>;
}

const channel = 'sourire_agenda';
const noticeChannel = 'sourire_notices';

export function localBus(): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const notices = new EventEmitter();
  notices.setMaxListeners(0);
  return {
    publish: (change) => {
      emitter.emit(change.practiceId, change);
    },
    subscribe: (practiceId, listener) => {
      emitter.on(practiceId, listener);
      return () => emitter.off(practiceId, listener);
    },
    publishNotice: (notice) => {
      notices.emit(notice.practiceId, notice);
    },
    subscribeNotices: (practiceId, listener) => {
      notices.on(practiceId, listener);
      return () => notices.off(practiceId, listener);
    },
    close: async () => {
      emitter.removeAllListeners();
      notices.removeAllListeners();
    },
  };
}

export async function postgresBus(url: string, onError: (error: unknown) => void): Promise<LiveBus> {
  const local = localBus();
  const client = new pg.Client({ connectionString: url });
  client.on('error', onError);
  await client.connect();
  client.on('notification', (message) => {
    if (!message.payload) return;
    try {
      if (message.channel === channel) local.publish(JSON.parse(message.payload) as AgendaChange);
      else if (message.channel === noticeChannel)
        local.publishNotice(JSON.parse(message.payload) as LiveNotice);
    } catch (error) {
      onError(error);
    }
  });
  await client.query(`LISTEN ${channel}`);
  await client.query(`LISTEN ${noticeChannel}`);
  return {
    publish: (change) => {
      client.query('select pg_notify($1, $2)', [channel, JSON.stringify(change)]).catch(onError);
    },
    subscribe: local.subscribe,
    publishNotice: (notice) => {
      client.query('select pg_notify($1, $2)', [noticeChannel, JSON.stringify(notice)]).catch(onError);
    },
    subscribeNotices: local.subscribeNotices,
    close: async () => {
      await local.close();
      await client.end();
    },
  };
}
