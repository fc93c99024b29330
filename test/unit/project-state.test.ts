import { addDays, assertDate } from '../../api/src/common/dates';
import { Role } from '../../api/src/common/permissions';
import { HousingGrantStatus as H } from '../../api/src/modules/housing/housing-grant.entity';
import { housingGrantMachine } from '../../api/src/modules/housing/housing-grant.state';
import { MemorialWorkStatus as M } from '../../api/src/modules/memorial/memorial-work.entity';
import { memorialWorkMachine } from '../../api/src/modules/memorial/memorial-work.state';
import { percentOf } from '../../api/src/modules/policy/policy-rate.service';

const grantSteps = Object.keys(housingGrantMachine.transitions) as (keyof typeof housingGrantMachine.transitions)[];
const workSteps = Object.keys(memorialWorkMachine.transitions) as (keyof typeof memorialWorkMachine.transitions)[];

describe('the housing grant state machine', () => {
  const path: [string, H, H][] = [
    ['verify', H.APPLIED, H.VERIFIED],
    ['approve', H.VERIFIED, H.APPROVED],
    ['start', H.APPROVED, H.UNDER_CONSTRUCTION],
    ['complete', H.UNDER_CONSTRUCTION, H.COMPLETED],
    ['close', H.COMPLETED, H.CLOSED],
  ];

  it.each(path)('%s takes a grant from %s to %s', (step, from, to) => {
    expect(housingGrantMachine.assert(step as never, from, Role.GRANT_OFFICER)).toBe(to);
  });

  it.each([H.APPLIED, H.VERIFIED, H.APPROVED])('reject takes a grant from %s to REJECTED', (from) => {
    expect(housingGrantMachine.assert('reject', from, Role.GRANT_OFFICER)).toBe(H.REJECTED);
  });

  it('refuses every other step from every status with INVALID_TRANSITION', () => {
    const allowed = new Set([...path.map(([s, f]) => `${s}:${f}`), 'reject:APPLIED', 'reject:VERIFIED', 'reject:APPROVED']);
    for (const status of Object.values(H)) {
      for (const step of grantSteps) {
        const refusal = housingGrantMachine.refusal(step, status, Role.GRANT_OFFICER);
        if (allowed.has(`${step}:${status}`)) expect(refusal).toBeNull();
        else expect(refusal?.extensions.code).toBe('INVALID_TRANSITION');
      }
    }
  });

  it('lets only the roles with HousingWrite take steps, and says which steps are open', () => {
    for (const role of [Role.FUND_MANAGER, Role.INSPECTOR, Role.ADMIN]) {
      expect(housingGrantMachine.refusal('verify', H.APPLIED, role)?.extensions.code).toBe('FORBIDDEN');
      expect(Object.values(housingGrantMachine.allowed(H.APPLIED, role)).some(Boolean)).toBe(false);
    }
    expect(housingGrantMachine.allowed(H.APPLIED, Role.GRANT_OFFICER)).toEqual({ verify: true, approve: false, start: false, complete: false, close: false, reject: true });
    expect(Object.values(housingGrantMachine.allowed(H.CLOSED, Role.GRANT_OFFICER)).some(Boolean)).toBe(false);
  });
});

describe('the memorial work state machine', () => {
  it('goes PLANNED → APPROVED → IN_PROGRESS → COMPLETED → SETTLED and nowhere else', () => {
    const path = [M.PLANNED, M.APPROVED, M.IN_PROGRESS, M.COMPLETED, M.SETTLED];
    for (const status of Object.values(M)) {
      for (const step of workSteps) {
        const refusal = memorialWorkMachine.refusal(step, status, Role.GRANT_OFFICER);
        const expected = path[path.indexOf(status) + 1];
        if (expected && workSteps.indexOf(step) === path.indexOf(status)) expect(memorialWorkMachine.assert(step, status, Role.GRANT_OFFICER)).toBe(expected);
        else expect(refusal?.extensions.code).toBe('INVALID_TRANSITION');
      }
    }
  });
});

describe('rate arithmetic', () => {
  it.each([
    [40_000_000, 60, 24_000_000],
    [33_333_333, 60, 19_999_999],
    [1_000_000_000, 70, 700_000_000],
    [4_000_000_000, 50, 2_000_000_000],
    [40_000_000, 0.5, 200_000],
    [1, 60, 0],
  ])('%p đồng × %p%% is %p (rounded down: a limit never rounds up)', (amount, percent, expected) => {
    expect(percentOf(amount, percent)).toBe(expected);
  });

  it('adds days across months and years, and checks dates', () => {
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(() => assertDate('2025-02-30', 'effectiveFrom')).toThrow(/not a date/);
    expect(() => assertDate('1999-12-31', 'effectiveFrom')).toThrow(/too far in the past/);
  });
});
