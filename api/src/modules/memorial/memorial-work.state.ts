import { Permission } from '../../common/permissions';
import { StateMachine } from '../../common/state-machine';
import { MemorialWorkStatus as S } from './memorial-work.entity';

export type MemorialWorkAction = 'approve' | 'start' | 'complete' | 'settle';

/** PLANNED → APPROVED → IN_PROGRESS → COMPLETED → SETTLED (quyết toán). */
export const memorialWorkMachine = new StateMachine<S, MemorialWorkAction>('A memorial work', {
  approve: { from: [S.PLANNED], to: S.APPROVED, permission: Permission.MemorialWrite },
  start: { from: [S.APPROVED], to: S.IN_PROGRESS, permission: Permission.MemorialWrite },
  complete: { from: [S.IN_PROGRESS], to: S.COMPLETED, permission: Permission.MemorialWrite },
  settle: { from: [S.COMPLETED], to: S.SETTLED, permission: Permission.MemorialWrite },
});
