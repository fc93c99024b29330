import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { addDays, assertDate } from '../../common/dates';
import { AppError, badInput, conflict, ErrorCode } from '../../common/errors';
import { assertAmount } from '../../common/money';
import { User } from '../users/user.entity';
import { PolicyRate, RateUnit } from './policy-rate.entity';
import type { RevisePolicyRateArgs } from './policy-rate.inputs';

/** The codes the rules of Sổ Quỹ read; their values live in `policy_rate`, with dates and legal basis. */
export const RateCode = {
  HOUSING_NEW: 'HOUSING_NEW',
  HOUSING_REPAIR: 'HOUSING_REPAIR',
  HOUSING_FIRST_TRANCHE: 'HOUSING_FIRST_TRANCHE',
  HOUSING_MANAGEMENT_COST: 'HOUSING_MANAGEMENT_COST',
  MEMORIAL_SUPPORT_SHARE: 'MEMORIAL_SUPPORT_SHARE',
  MEMORIAL_CAP_PROVINCE: 'MEMORIAL_CAP_PROVINCE',
  MEMORIAL_CAP_DISTRICT: 'MEMORIAL_CAP_DISTRICT',
  MEMORIAL_CAP_COMMUNE: 'MEMORIAL_CAP_COMMUNE',
  MEMORIAL_REPAIR_SHARE: 'MEMORIAL_REPAIR_SHARE',
  MEMORIAL_GRAVE: 'MEMORIAL_GRAVE',
  MEMORIAL_PROJECT_DOCUMENT: 'MEMORIAL_PROJECT_DOCUMENT',
  CHILD_GIFT_PER_CHILD: 'CHILD_GIFT_PER_CHILD',
  SCHOLARSHIP_PER_TERM: 'SCHOLARSHIP_PER_TERM',
  SURGERY_SUPPORT: 'SURGERY_SUPPORT',
} as const;
export type RateCode = (typeof RateCode)[keyof typeof RateCode];

export const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

/** The value of a rate: đồng, or a percentage. */
export function rateValue(rate: PolicyRate): number {
  return rate.unit === RateUnit.PERCENT ? Number(rate.percent) : rate.amount!;
}

/** `percent` of `amount`, rounded down to the đồng (a limit is never rounded up). */
export function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * Math.round(percent * 100)) / 10_000);
}

/** The rate of `code` in force on `date`, if any. */
export function findRateOn(em: EntityManager, code: RateCode, date: string): Promise<PolicyRate | null> {
  return em.findOne(PolicyRate, { code, effectiveFrom: { $lte: date }, $or: [{ effectiveTo: null }, { effectiveTo: { $gte: date } }] });
}

/** The rate of `code` in force on `date`; none is a POLICY_LIMIT (nothing may be paid without a rule). */
export async function rateOn(em: EntityManager, code: RateCode, date: string): Promise<PolicyRate> {
  const rate = await findRateOn(em, code, date);
  if (!rate) throw new AppError(ErrorCode.POLICY_LIMIT, `No policy rate ${code} is in force on ${date}`, { rule: code, date });
  return rate;
}

export const policyRateService = {
  /**
   * Revises a rate from a date: a new row in force from `effectiveFrom`, the row in force before it
   * ended the day before. History is never rewritten: only the latest rate of a code can be revised,
   * from a date after its start.
   */
  async revise(ctx: SignedInContext, args: RevisePolicyRateArgs): Promise<PolicyRate> {
    assertDate(args.effectiveFrom, 'effectiveFrom');
    // Lock the code's rows: two revisions of one code happen one after the other.
    await ctx.em.execute('select id from policy_rate where code = ? order by id for update', [args.code]);
    const rows = await ctx.em.find(PolicyRate, { code: args.code }, { orderBy: { effectiveFrom: 'DESC' } });
    const latest = rows[0];
    if (!latest) throw badInput(`${args.code} is not a policy rate code: see allPolicyRates`, 'code');
    if (args.effectiveFrom <= latest.effectiveFrom) {
      throw conflict(`The latest ${args.code} rate is in force from ${latest.effectiveFrom}: a revision starts after that date`, { field: 'effectiveFrom', existingId: String(latest.id) });
    }
    if (args.effectiveTo) {
      assertDate(args.effectiveTo, 'effectiveTo');
      if (args.effectiveTo < args.effectiveFrom) throw badInput('effectiveTo comes before effectiveFrom', 'effectiveTo');
    }
    const unit = latest.unit;
    const amount = args.amount ?? undefined;
    const percent = args.percent ?? undefined;
    if (unit === RateUnit.VND) {
      if (amount === undefined || percent !== undefined) throw badInput(`${args.code} is an amount in đồng: give amount, not percent`, 'amount');
      assertAmount(amount, 'amount', Number.MAX_SAFE_INTEGER);
    } else if (percent === undefined || amount !== undefined) {
      throw badInput(`${args.code} is a percentage: give percent, not amount`, 'percent');
    }
    // The rate before ends the day before (a gap between them, when the law left one, stays); saved
    // first, as the database refuses two rates of one code in force on the same day.
    if (!latest.effectiveTo || latest.effectiveTo >= args.effectiveFrom) {
      latest.effectiveTo = addDays(args.effectiveFrom, -1);
      await ctx.em.flush();
    }
    const next = ctx.em.create(PolicyRate, {
      code: latest.code,
      name: latest.name,
      category: latest.category,
      unit,
      amount: unit === RateUnit.VND ? amount : undefined,
      percent: unit === RateUnit.PERCENT ? percent : undefined,
      effectiveFrom: args.effectiveFrom,
      effectiveTo: args.effectiveTo ?? undefined,
      legalBasis: args.legalBasis.trim(),
      toBeConfirmed: args.toBeConfirmed ?? false,
      reason: args.reason.trim(),
      supersedes: latest,
      createdBy: ctx.em.getReference(User, ctx.user.id),
    });
    await ctx.em.flush();
    return next;
  },
};
