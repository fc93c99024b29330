import { Role } from '../../api/src/common/permissions';
import { DisbursementStatus as S } from '../../api/src/modules/disbursements/disbursement.entity';
import { refusal, transitions, type DisbursementAction } from '../../api/src/modules/disbursements/disbursement.state';

const creator = { id: 1, role: Role.GRANT_OFFICER };
const manager = { id: 2, role: Role.FUND_MANAGER };
const code = (action: DisbursementAction, status: S, actor: { id: number; role: Role }, createdBy = creator.id) =>
  refusal(action, status, createdBy, actor)?.extensions.code ?? 'OK';

describe('the disbursement state machine', () => {
  it('allows exactly the transitions of the workflow', () => {
    const allowed: string[] = [];
    for (const action of Object.keys(transitions) as DisbursementAction[]) {
      for (const status of Object.values(S)) if (code(action, status, manager) === 'OK') allowed.push(`${action}:${status}`);
    }
    expect(allowed.sort()).toEqual(['approve:SUBMITTED', 'cancel:APPROVED', 'cancel:DRAFT', 'cancel:SUBMITTED', 'pay:APPROVED', 'reject:SUBMITTED', 'submit:DRAFT']);
  });

  it('answers INVALID_TRANSITION from any other state', () => {
    expect(code('pay', S.SUBMITTED, manager)).toBe('INVALID_TRANSITION');
    expect(code('approve', S.PAID, manager)).toBe('INVALID_TRANSITION');
    expect(code('cancel', S.PAID, manager)).toBe('INVALID_TRANSITION');
    expect(refusal('submit', S.PAID, 1, manager)!.message).toBe('A PAID disbursement cannot be submitted: only a DRAFT one can');
  });

  it('never lets the creator approve or reject (four eyes)', () => {
    const creatingManager = { id: 7, role: Role.FUND_MANAGER };
    expect(code('approve', S.SUBMITTED, creatingManager, 7)).toBe('FORBIDDEN');
    expect(code('reject', S.SUBMITTED, creatingManager, 7)).toBe('FORBIDDEN');
    expect(code('approve', S.SUBMITTED, manager, 7)).toBe('OK');
  });

  it('keeps approval, payment and cancelling an approved one to FUND_MANAGER; INSPECTOR does nothing', () => {
    expect(code('submit', S.DRAFT, creator)).toBe('OK');
    expect(code('approve', S.SUBMITTED, { id: 3, role: Role.GRANT_OFFICER })).toBe('FORBIDDEN');
    expect(code('pay', S.APPROVED, { id: 3, role: Role.GRANT_OFFICER })).toBe('FORBIDDEN');
    expect(code('cancel', S.APPROVED, creator)).toBe('FORBIDDEN');
    expect(code('cancel', S.SUBMITTED, creator)).toBe('OK');
    for (const action of Object.keys(transitions) as DisbursementAction[]) {
      for (const status of transitions[action].from) expect(code(action, status, { id: 9, role: Role.INSPECTOR })).toBe('FORBIDDEN');
    }
  });
});
