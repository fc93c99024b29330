import { AppError, ErrorCode } from '../../common/errors';
import { hasPermission, Permission, type Role } from '../../common/permissions';
import { DisbursementStatus as S } from './disbursement.entity';

/** The one state machine of a disbursement (phiếu chi). Anything else is INVALID_TRANSITION. */
export type DisbursementAction = 'submit' | 'approve' | 'reject' | 'pay' | 'cancel';

export const transitions: Readonly<Record<DisbursementAction, { from: readonly S[]; to: S; permission: Permission }>> = {
  submit: { from: [S.DRAFT], to: S.SUBMITTED, permission: Permission.DisbursementCreate },
  approve: { from: [S.SUBMITTED], to: S.APPROVED, permission: Permission.DisbursementApprove },
  reject: { from: [S.SUBMITTED], to: S.REJECTED, permission: Permission.DisbursementApprove },
  pay: { from: [S.APPROVED], to: S.PAID, permission: Permission.DisbursementPay },
  cancel: { from: [S.DRAFT, S.SUBMITTED, S.APPROVED], to: S.CANCELLED, permission: Permission.DisbursementCreate },
};

const pastTense: Record<DisbursementAction, string> = { submit: 'submitted', approve: 'approved', reject: 'rejected', pay: 'paid', cancel: 'cancelled' };

export interface Actor {
  id: number;
  role: Role;
}

/** Why `actor` may not take `action` on a disbursement in `status` created by `creatorId`, or null if they may. */
export function refusal(action: DisbursementAction, status: S, creatorId: number, actor: Actor): AppError | null {
  const t = transitions[action];
  if (!t.from.includes(status)) {
    return new AppError(ErrorCode.INVALID_TRANSITION, `A ${status} disbursement cannot be ${pastTense[action]}: only a ${t.from.join(' or ')} one can`, {
      status,
      action,
    });
  }
  // An approved disbursement is cancelled only by whoever may approve.
  const permission = action === 'cancel' && status === S.APPROVED ? Permission.DisbursementApprove : t.permission;
  if (!hasPermission(actor.role, permission)) {
    return new AppError(ErrorCode.FORBIDDEN, `Your role (${actor.role}) may not ${action} this disbursement`, { action });
  }
  if ((action === 'approve' || action === 'reject') && actor.id === creatorId) {
    return new AppError(ErrorCode.FORBIDDEN, 'Four eyes: the person who created a disbursement cannot approve or reject it', { action, rule: 'FOUR_EYES' });
  }
  return null;
}

export function assertAllowed(action: DisbursementAction, status: S, creatorId: number, actor: Actor): void {
  const error = refusal(action, status, creatorId, actor);
  if (error) throw error;
}
