import { citizenIdProblem, maskCitizenId } from '../../api/src/common/citizen-id';

describe('citizen ID (CCCD)', () => {
  it.each(['036085001234', '001190123456', '096205000001'])('accepts %s', (id) => {
    expect(citizenIdProblem(id, new Date('2026-11-28'))).toBeNull();
  });

  it.each([
    ['03608500123', /exactly 12 digits/],
    ['03608500123a', /exactly 12 digits/],
    ['003085001234', /003 is not a province code/],
    ['036299001234', /birth year 2099/],
  ])('refuses %s', (id, problem) => {
    expect(citizenIdProblem(id, new Date('2026-11-28'))).toMatch(problem);
  });

  it('masks all but the province and the last two digits', () => {
    expect(maskCitizenId('036085001234')).toBe('036*******34');
  });
});
