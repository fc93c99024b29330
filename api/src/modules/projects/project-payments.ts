import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { AppError, badInput, ErrorCode } from '../../common/errors';
import { DisbursementCategory as C, ProjectType } from '../disbursements/disbursement.entity';
import { HousingGrant, HousingGrantStatus as H, HousingGrantType } from '../housing/housing-grant.entity';
import { MemorialWork, MemorialWorkStatus as M } from '../memorial/memorial-work.entity';
import { findRateOn, RateCode, vnd } from '../policy/policy-rate.service';
import { FundingLine, FundingSource } from './project.entities';
import { COMMITTED, heldByFund } from './project.service';

export interface ProjectPayment {
  /** The disbursement, once it exists (excluded from what is already held). */
  id?: number;
  fundId: number;
  amount: number;
  category: C;
  projectType: ProjectType;
  projectId: number;
}

const notPayable = (what: string, status: string, payable: readonly string[]) =>
  new AppError(ErrorCode.INVALID_TRANSITION, `${what} is ${status}: payments are made only while it is ${payable.join(', ')}`, { status, rule: 'PROJECT_NOT_PAYABLE' });

/** Locks the project row: payments of one project and its own steps happen one at a time. */
async function lockProject(em: EntityManager, type: ProjectType, id: number): Promise<void> {
  const table = type === ProjectType.HOUSING_GRANT ? 'housing_grant' : 'memorial_work';
  await em.execute(`select id from ${table} where id = ? for update`, [id]);
}

/**
 * The rules a payment linked to a project obeys, checked when it is drafted (counting every
 * disbursement not rejected or cancelled) and again when it is paid (counting what is paid),
 * under the project's row lock:
 * - the project exists in the user's scope and is at a stage that is paid;
 * - the category fits the project; the fund is one of its FUND funding lines, and what that fund
 *   pays stays within the line;
 * - a housing grant before completion (handover minutes) stays within its first-tranche limit.
 */
export async function assertProjectPayment(ctx: SignedInContext, payment: ProjectPayment, stage: 'draft' | 'pay'): Promise<void> {
  const { em } = ctx;
  await lockProject(em, payment.projectType, payment.projectId);
  const statuses = stage === 'pay' ? ['PAID'] : COMMITTED;
  const held = await heldByFund(em, payment.projectType, payment.projectId, statuses, payment.id);
  const heldTotal = [...held.values()].reduce((s, x) => s + x, 0);
  let what: string;
  let firstTranche: { limit: number; approvedOn: string } | undefined;
  if (payment.projectType === ProjectType.HOUSING_GRANT) {
    const grant = await em.findOne(HousingGrant, { $and: [{ id: payment.projectId }, ctx.scope.through<HousingGrant>('unit')] });
    if (!grant) throw badInput(`Housing grant ${payment.projectId} does not exist or is outside your administrative unit`, 'projectId');
    await em.refresh(grant);
    what = `Housing grant ${grant.id}`;
    const payable = [H.APPROVED, H.UNDER_CONSTRUCTION, H.COMPLETED];
    if (!payable.includes(grant.status)) throw notPayable(what, grant.status, payable);
    const category = grant.type === HousingGrantType.NEW_BUILD ? C.HOUSING_NEW : C.HOUSING_REPAIR;
    if (payment.category !== category) throw badInput(`${what} is ${grant.type}: its payments are ${category}`, 'category');
    // Before the handover minutes, the first-tranche limit applies (checked once the fund line is known).
    if (grant.status !== H.COMPLETED) firstTranche = { limit: grant.firstTrancheLimit!, approvedOn: grant.approvedOn! };
  } else if (payment.projectType === ProjectType.MEMORIAL_WORK) {
    const work = await em.findOne(MemorialWork, { $and: [{ id: payment.projectId }, ctx.scope.through<MemorialWork>('unit')] });
    if (!work) throw badInput(`Memorial work ${payment.projectId} does not exist or is outside your administrative unit`, 'projectId');
    await em.refresh(work);
    what = `Memorial work ${work.id}`;
    const payable = [M.APPROVED, M.IN_PROGRESS, M.COMPLETED];
    if (!payable.includes(work.status)) throw notPayable(what, work.status, payable);
    if (payment.category !== C.MEMORIAL_WORK) throw badInput(`${what} is paid as MEMORIAL_WORK`, 'category');
  } else {
    throw badInput(`Payments linked to ${payment.projectType} projects are not recorded yet`, 'projectType');
  }
  const line = await em.findOne(FundingLine, { projectType: payment.projectType, projectId: payment.projectId, source: FundingSource.FUND, fund: payment.fundId });
  if (!line) throw badInput(`${what} has no funding line from this fund: pay it from one of its FUND lines`, 'fundId');
  if (firstTranche && heldTotal + payment.amount > firstTranche.limit) {
    const rate = await findRateOn(em, RateCode.HOUSING_FIRST_TRANCHE, firstTranche.approvedOn);
    const basis = rate?.legalBasis ?? 'Quyết định 22/2013/QĐ-TTg';
    throw new AppError(
      ErrorCode.POLICY_LIMIT,
      `Before completion is confirmed (handover minutes), the tranches of ${what} may reach ${vnd(firstTranche.limit)} (${rate ? `${rate.percent}%` : 'the first-tranche share'} of its fund lines); ${vnd(heldTotal)} is already ${stage === 'pay' ? 'paid' : 'committed'}, so ${vnd(payment.amount)} more is refused. ${basis}`,
      { rule: 'HOUSING_FIRST_TRANCHE', basis, limit: firstTranche.limit, held: heldTotal },
    );
  }
  const fromFund = held.get(payment.fundId) ?? 0;
  if (fromFund + payment.amount > line.amount) {
    throw new AppError(
      ErrorCode.POLICY_LIMIT,
      `The funding line of this fund for ${what} is ${vnd(line.amount)}; ${vnd(fromFund)} is already ${stage === 'pay' ? 'paid' : 'committed'}, so ${vnd(payment.amount)} more is refused`,
      { rule: 'FUNDING_LINE', basis: `${what}: approved funding lines`, limit: line.amount, held: fromFund },
    );
  }
}
