import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { AppError, badInput, ErrorCode } from '../../common/errors';
import { DisbursementCategory as C, ProjectType } from '../disbursements/disbursement.entity';
import { HousingGrant, HousingGrantStatus as H, HousingGrantType } from '../housing/housing-grant.entity';
import { MemorialWork, MemorialWorkStatus as M } from '../memorial/memorial-work.entity';
import { findRateOn, RateCode, vnd } from '../policy/policy-rate.service';
import { Scholarship, SurgeryCase, SurgeryStatus } from '../children/support.entity';
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
const projectTables: Record<ProjectType, string> = {
  [ProjectType.HOUSING_GRANT]: 'housing_grant',
  [ProjectType.MEMORIAL_WORK]: 'memorial_work',
  [ProjectType.GIFT_CAMPAIGN]: 'gift_campaign',
  [ProjectType.SCHOLARSHIP]: 'scholarship',
  [ProjectType.SURGERY_CASE]: 'surgery_case',
};

async function lockProject(em: EntityManager, type: ProjectType, id: number): Promise<void> {
  await em.execute(`select id from ${projectTables[type]} where id = ? for update`, [id]);
}

/**
 * The rules a payment linked to a project obeys, checked when it is drafted (counting every
 * disbursement not rejected or cancelled) and again when it is paid (counting what is paid),
 * under the project's row lock:
 * - the project exists in the user's scope and is at a stage that is paid;
 * - the category fits the project; the fund is one of its FUND funding lines, and what that fund
 *   pays stays within the line;
 * - a housing grant before completion (handover minutes) stays within its first-tranche limit;
 * - a scholarship is paid per term: at most its terms, each at most the term's amount;
 * - a gift campaign's batches come only from the campaign.
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
  } else if (payment.projectType === ProjectType.GIFT_CAMPAIGN) {
    // A campaign's batches are drafted by the campaign itself (createGiftCampaign, addGiftRecipients).
    if (stage === 'draft') throw badInput('A gift campaign’s batches are created with the campaign (createGiftCampaign, addGiftRecipients)', 'projectType');
    return;
  } else if (payment.projectType === ProjectType.SCHOLARSHIP) {
    const s = await em.findOne(Scholarship, { $and: [{ id: payment.projectId }, ctx.scope.through<Scholarship>('child.unit')] });
    if (!s) throw badInput(`Scholarship ${payment.projectId} does not exist or is outside your administrative unit`, 'projectId');
    if (payment.category !== C.SCHOLARSHIP) throw badInput(`Scholarship ${s.id} is paid as SCHOLARSHIP`, 'category');
    if (payment.fundId !== s.fund.id) throw badInput(`Scholarship ${s.id} is paid from its fund`, 'fundId');
    const [count] = await em.execute<{ n: number }[]>('select count(*)::int as n from disbursement where project_type = ? and project_id = ? and status in (?) and id <> ?', [
      ProjectType.SCHOLARSHIP, s.id, [...statuses], payment.id ?? 0,
    ]);
    if (payment.amount > s.amountPerTerm || (count?.n ?? 0) + 1 > s.terms) {
      throw new AppError(
        ErrorCode.POLICY_LIMIT,
        `Scholarship ${s.id} is paid in ${s.terms} term(s) of at most ${vnd(s.amountPerTerm)}; ${count?.n ?? 0} payment(s) are already ${stage === 'pay' ? 'paid' : 'recorded'}, so this one of ${vnd(payment.amount)} is refused`,
        { rule: 'SCHOLARSHIP_TERMS', basis: s.decisionNumber ? `Quyết định ${s.decisionNumber}` : `Học bổng ${s.id}`, limit: s.amountPerTerm, terms: s.terms, held: heldTotal },
      );
    }
    return;
  } else {
    const c = await em.findOne(SurgeryCase, { $and: [{ id: payment.projectId }, ctx.scope.through<SurgeryCase>('child.unit')] });
    if (!c) throw badInput(`Surgery case ${payment.projectId} does not exist or is outside your administrative unit`, 'projectId');
    await em.refresh(c);
    what = `Surgery case ${c.id}`;
    const payable = [SurgeryStatus.APPROVED, SurgeryStatus.OPERATED, SurgeryStatus.FOLLOW_UP];
    if (!payable.includes(c.status)) throw notPayable(what, c.status, payable);
    if (payment.category !== C.SURGERY) throw badInput(`${what} is paid as SURGERY`, 'category');
  }
  // A fund may hold two lines of a project: its own and one carried over from a fund closed in a reorganisation.
  const fundLines = await em.find(FundingLine, { projectType: payment.projectType, projectId: payment.projectId, source: FundingSource.FUND, fund: payment.fundId });
  const line = fundLines.length > 0 ? { amount: fundLines.reduce((s, l) => s + l.amount, 0) } : null;
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
