import { AsyncLocalStorage } from 'node:async_hooks';
import { ChangeSetType, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';

export interface RecordedChange {
  entity: string;
  /** The record; its id is read when the event is written (a new row has none before the insert). */
  record: object;
  kind: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Fields never written to the audit trail. */
const SECRET = new Set(['passwordHash', 'password_hash']);
const NOT_AUDITED = new Set(['LoginThrottle', 'AppMeta', 'AuditEvent', 'DocumentCounter']);

const recording = new AsyncLocalStorage<RecordedChange[]>();

/** Runs `work` while collecting every entity change flushed within it. */
export function recordChanges<T>(work: () => Promise<T>): { changes: RecordedChange[]; run: Promise<T> } {
  const changes: RecordedChange[] = [];
  return { changes, run: recording.run(changes, work) };
}

/**
 * Adds a change written without a flush (plain SQL) to the mutation being recorded, in the form the
 * flush subscriber gives it (`after` as the ORM's insert payload: database values, no undefined fields).
 */
export function recordChange(change: RecordedChange): void {
  recording.getStore()?.push(change);
}

function plain(data: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!data) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (SECRET.has(key)) out[key] = '[redacted]';
    else if (value instanceof Date) out[key] = value.toISOString();
    else if (typeof value === 'bigint') out[key] = value.toString();
    else if (value && typeof value === 'object' && !Array.isArray(value)) out[key] = (value as { id?: unknown }).id ?? JSON.parse(JSON.stringify(value));
    else out[key] = value;
  }
  return out;
}

/**
 * A MikroORM flush subscriber: what each flush creates, changes or deletes, with the fields before
 * and after, into the collector of the mutation being recorded (none outside a mutation).
 */
export class AuditSubscriber implements EventSubscriber {
  async onFlush(args: FlushEventArgs): Promise<void> {
    const changes = recording.getStore();
    if (!changes) return;
    for (const cs of args.uow.getChangeSets()) {
      if (NOT_AUDITED.has(cs.meta.className)) continue;
      const kind = cs.type === ChangeSetType.CREATE ? 'create' : cs.type === ChangeSetType.DELETE ? 'delete' : 'update';
      const after = plain(cs.payload as Record<string, unknown>);
      const before = kind === 'create' ? null : plain(Object.fromEntries(Object.keys(cs.payload).map((k) => [k, (cs.originalEntity as Record<string, unknown> | undefined)?.[k]])));
      changes.push({ entity: cs.meta.className, record: cs.entity, kind, before, after });
    }
  }
}
