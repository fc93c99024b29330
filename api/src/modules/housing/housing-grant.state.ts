import { Permission } from '../../common/permissions';
import { StateMachine } from '../../common/state-machine';
import { HousingGrantStatus as S } from './housing-grant.entity';

export type HousingGrantAction = 'verify' | 'approve' | 'start' | 'complete' | 'close' | 'reject';

/** APPLIED → VERIFIED (commune) → APPROVED → UNDER_CONSTRUCTION → COMPLETED (handover minutes) → CLOSED, or REJECTED. */
export const housingGrantMachine = new StateMachine<S, HousingGrantAction>('A housing grant', {
  verify: { from: [S.APPLIED], to: S.VERIFIED, permission: Permission.HousingWrite },
  approve: { from: [S.VERIFIED], to: S.APPROVED, permission: Permission.HousingWrite },
  start: { from: [S.APPROVED], to: S.UNDER_CONSTRUCTION, permission: Permission.HousingWrite },
  complete: { from: [S.UNDER_CONSTRUCTION], to: S.COMPLETED, permission: Permission.HousingWrite },
  close: { from: [S.COMPLETED], to: S.CLOSED, permission: Permission.HousingWrite },
  reject: { from: [S.APPLIED, S.VERIFIED, S.APPROVED], to: S.REJECTED, permission: Permission.HousingWrite },
});
