import type { EntityManager } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';

/** What an inspector should look at twice. */
export enum DisbursementFlag {
  /** Another disbursement to the same payee for the same amount within 30 days. */
  DUPLICATE_PAYEE_AMOUNT = 'DUPLICATE_PAYEE_AMOUNT',
  /** Three or more payments to one payee within 90 days, each just under the approval threshold (90–100%). */
  SPLIT_UNDER_THRESHOLD = 'SPLIT_UNDER_THRESHOLD',
  /** More than the policy rate in force on its date for its category (e.g. 40 or 60 million for a new house). */
  ABOVE_POLICY_RATE = 'ABOVE_POLICY_RATE',
}
registerEnumType(DisbursementFlag, { name: 'DisbursementFlag' });

const samePayee = `(vi_fold(o.payee_name) = vi_fold(d.payee_name) or (o.payee_id_number is not null and o.payee_id_number = d.payee_id_number))`;
const day = (alias: string) => `coalesce(${alias}.paid_on, ${alias}.created_at::date)`;

/** The flags of many disbursements in one query (a DataLoader batch). */
export async function disbursementFlags(em: EntityManager, ids: readonly number[], threshold: number): Promise<DisbursementFlag[][]> {
  const low = Math.ceil(threshold * 0.9);
  const rows = await em.execute<{ id: string; duplicate: boolean; split: boolean; above_rate: boolean }[]>(
    `select d.id,
            exists (select 1 from disbursement o
                     where o.id <> d.id and o.status not in ('REJECTED', 'CANCELLED') and o.amount = d.amount and ${samePayee}
                       and abs(${day('o')} - ${day('d')}) <= 30) as duplicate,
            d.amount >= ? and d.amount < ? and (select count(*) from disbursement o
                     where o.status not in ('REJECTED', 'CANCELLED') and o.amount >= ? and o.amount < ? and ${samePayee}
                       and abs(${day('o')} - ${day('d')}) <= 90) >= 3 as split,
            exists (select 1 from policy_rate r
                     where r.category = d.category::text and d.amount > r.amount
                       and r.effective_from <= ${day('d')} and (r.effective_to is null or r.effective_to >= ${day('d')})) as above_rate
       from disbursement d where d.id in (?)`,
    [low, threshold, low, threshold, ids],
  );
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.map((id) => {
    const r = byId.get(id);
    const flags: DisbursementFlag[] = [];
    if (r?.duplicate) flags.push(DisbursementFlag.DUPLICATE_PAYEE_AMOUNT);
    if (r?.split) flags.push(DisbursementFlag.SPLIT_UNDER_THRESHOLD);
    if (r?.above_rate) flags.push(DisbursementFlag.ABOVE_POLICY_RATE);
    return flags;
  });
}
