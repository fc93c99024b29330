import { createHash } from 'node:crypto';

export interface HashedTransaction {
  fundId: number;
  seq: number;
  kind: string;
  occurredOn: string;
  description: string;
  sourceType: string;
  sourceId: number;
  createdById: number | null;
  prevHash: string | null;
  /** [accountId, amount] pairs, in any order. */
  entries: [number, number][];
}

/**
 * The hash of one ledger transaction, chained to the previous one of its fund: SHA-256 over a
 * canonical JSON array of its fields and entries (sorted), hex-encoded.
 *
 * The database function `ledger_post` (migration 20261128180000) computes the same bytes in SQL for
 * every single posting; this one serves verifyLedger and bulkPost. Change both together, or neither
 * (test/api/ledger-post.test.ts compares them on random text, ids and amounts).
 */
export function transactionHash(tx: HashedTransaction): string {
  const entries = [...tx.entries].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const canonical = JSON.stringify([
    'soquy-ledger-v1',
    tx.fundId,
    tx.seq,
    tx.kind,
    tx.occurredOn,
    tx.description,
    tx.sourceType,
    tx.sourceId,
    tx.createdById,
    tx.prevHash,
    entries,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
