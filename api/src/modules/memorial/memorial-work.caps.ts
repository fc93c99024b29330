import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import { AppError, ErrorCode } from '../../common/errors';
import { formatDateVi } from '../../common/dates';
import { Money } from '../../common/money';
import { percentOf, rateOn, RateCode, vnd } from '../policy/policy-rate.service';
import { UnitLevel } from '../units/unit.entity';
import { MemorialWorkKind, MemorialWorkScope } from './memorial-work.entity';

@ObjectType({ description: 'One limit on the support of a memorial work, from a policy rate' })
export class MemorialCap {
  @Field(() => String, { description: 'The rate code: MEMORIAL_SUPPORT_SHARE, MEMORIAL_CAP_DISTRICT, MEMORIAL_GRAVE, …' })
  rule!: string;

  @Field(() => Money)
  limit!: number;

  @Field(() => String)
  explanation!: string;

  @Field(() => String)
  basis!: string;
}

export interface MemorialPlan {
  kind: MemorialWorkKind;
  scope: MemorialWorkScope;
  level: UnitLevel;
  approvedCost: number;
  graveCount?: number;
}

const levelCap: Record<UnitLevel, (typeof RateCode)[keyof typeof RateCode]> = {
  [UnitLevel.PROVINCE]: RateCode.MEMORIAL_CAP_PROVINCE,
  [UnitLevel.DISTRICT]: RateCode.MEMORIAL_CAP_DISTRICT,
  [UnitLevel.COMMUNE]: RateCode.MEMORIAL_CAP_COMMUNE,
};

/**
 * The limits on a memorial work's support on `date` (Circular 101/2018/TT-BTC art. 11, as policy
 * rates): a share of the cost; for a grave, an amount per grave; otherwise the cap of the owning
 * unit's level, a share of it for repairs. The support may reach the lowest.
 */
export async function memorialCaps(em: EntityManager, plan: MemorialPlan, date: string): Promise<MemorialCap[]> {
  const share = await rateOn(em, RateCode.MEMORIAL_SUPPORT_SHARE, date);
  const caps: MemorialCap[] = [
    { rule: share.code, limit: percentOf(plan.approvedCost, Number(share.percent)), explanation: `${share.percent}% of the cost, ${vnd(plan.approvedCost)}`, basis: share.legalBasis },
  ];
  if (plan.kind === MemorialWorkKind.GRAVE) {
    const grave = await rateOn(em, RateCode.MEMORIAL_GRAVE, date);
    const count = plan.graveCount ?? 1;
    caps.push({ rule: grave.code, limit: grave.amount! * count, explanation: `${vnd(grave.amount!)} a grave × ${count}`, basis: grave.legalBasis });
    return caps;
  }
  const cap = await rateOn(em, levelCap[plan.level], date);
  if (plan.scope === MemorialWorkScope.REPAIR) {
    const repair = await rateOn(em, RateCode.MEMORIAL_REPAIR_SHARE, date);
    caps.push({
      rule: repair.code,
      limit: percentOf(cap.amount!, Number(repair.percent)),
      explanation: `a repair: ${repair.percent}% of the ${plan.level.toLowerCase()} cap of ${vnd(cap.amount!)}`,
      basis: `${repair.legalBasis}; ${cap.legalBasis}`,
    });
  } else {
    caps.push({ rule: cap.code, limit: cap.amount!, explanation: `the cap for a ${plan.level.toLowerCase()} work`, basis: cap.legalBasis });
  }
  return caps;
}

/** Refuses support above the caps, or a work of the threshold cost without a project document: POLICY_LIMIT naming the rule. */
export async function assertMemorialPolicy(em: EntityManager, plan: MemorialPlan & { support: number; projectDocumentNumber?: string }, date: string): Promise<void> {
  const threshold = await rateOn(em, RateCode.MEMORIAL_PROJECT_DOCUMENT, date);
  if (plan.approvedCost >= threshold.amount! && !plan.projectDocumentNumber?.trim()) {
    throw new AppError(
      ErrorCode.POLICY_LIMIT,
      `A work costing ${vnd(plan.approvedCost)} (from ${vnd(threshold.amount!)}) needs an approved project document: give projectDocumentNumber. ${threshold.legalBasis}`,
      { rule: threshold.code, basis: threshold.legalBasis, limit: threshold.amount, field: 'projectDocumentNumber' },
    );
  }
  const caps = await memorialCaps(em, plan, date);
  const lowest = caps.reduce((a, b) => (b.limit < a.limit ? b : a));
  if (plan.support > lowest.limit) {
    throw new AppError(
      ErrorCode.POLICY_LIMIT,
      `The support of ${vnd(plan.support)} (budget and fund lines) is above ${vnd(lowest.limit)}, ${lowest.explanation}, on ${formatDateVi(date)}. ${lowest.basis}`,
      { rule: lowest.rule, basis: lowest.basis, limit: lowest.limit, field: 'fundingLines' },
    );
  }
}
