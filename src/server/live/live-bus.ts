import { EventEmitter } from 'node:events';
import pg from 'pg';

/** Something changed in a practice's agenda: the consoles showing it refresh. */
export interface AgendaChange {
  practiceId: string;
  practitionerIds: string[];
  appointmentId?: string;
}

/**
 * Live updates (server-sent events) across server instances. In one process an EventEmitter is
 * enough; with PostgreSQL, changes go through LISTEN/NOTIFY so every instance hears every change.
 */
export interface LiveBus {
  publish(change: AgendaChange): void;
  subscribe(practiceId: string, listener: (change: AgendaChange) => void): () => void;
  close(): Promise<void>;
}

const channel = 'sourire_agenda';

export function localBus(): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (change) => {
      emitter.emit(change.practiceId, change);
    },
    subscribe: (practiceId, listener) => {
      emitter.on(practiceId, listener);
      return () => emitter.off(practiceId, listener);
    },
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

export async function postgresBus(url: string, onError: (error: unknown) => void): Promise<LiveBus> {
  const local = localBus();
  const client = new pg.Client({ connectionString: url });
  client.on('error', onError);
  await client.connect();
  client.on('notification', (message) => {
    if (message.channel !== channel || !message.payload) return;
    try {
      local.publish(JSON.parse(message.payload) as AgendaChange);
    } catch (error) {
      onError(error);
    }
  });
  await client.query(`LISTEN ${channel}`);
  return {
    publish: (change) => {
      client.query('select pg_notify($1, $2)', [channel, JSON.stringify(change)]).catch(onError);
    },
    subscribe: local.subscribe,
    close: async () => {
      await local.close();
      await client.end();
    },
  };
}
