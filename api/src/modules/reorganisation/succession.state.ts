import { Permission } from '../../common/permissions';
import { StateMachine } from '../../common/state-machine';
import { SuccessionStatus as S } from './succession.entity';

export type SuccessionAction = 'apply';

/** DRAFT → APPLIED, once: an applied event is final (the database refuses changes to it). */
export const successionMachine = new StateMachine<S, SuccessionAction>('A succession event', {
  apply: { from: [S.DRAFT], to: S.APPLIED, permission: Permission.UnitReorganise },
});
