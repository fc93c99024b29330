import { graphQLErrorsOf, serverErrorCode } from '../providers/errors';

/**
 * What a refusal of the housing and household API means, in the user's language. The server names
 * its rule in `extensions.rule` (and the record in the way in `extensions.existingId`); when those
 * do not reach the console, the rule is recognised from the server's message, which names it too.
 */
const messageRules: readonly [RegExp, string][] = [
  [/Before completion is confirmed|first-tranche/i, 'HOUSING_FIRST_TRANCHE'],
  [/The support for a .* is at most/i, 'HOUSING_RATE'],
  [/funding line of this fund/i, 'FUNDING_LINE'],
  [/cannot be closed/i, 'TRANCHES_OUTSTANDING'],
  [/tranche disbursements: cancel those first/i, 'TRANCHES_COMMITTED'],
  [/one grant per type and program|already has a grant of this type/i, 'ONE_GRANT_PER_PROGRAM'],
  [/not helped again under Decree 131/i, 'DECISION_22_ALREADY_HELPED'],
  [/comes before the grant's previous step/i, 'STEP_DATE'],
  [/is in the future/i, 'DATE_IN_FUTURE'],
  [/is not a Gratitude Fund/i, 'FUND_NOT_GRATITUDE'],
  [/is not held by/i, 'FUND_NOT_ABOVE'],
  [/appears twice/i, 'FUND_TWICE'],
  [/is from a fund: give fundId/i, 'FUND_MISSING'],
  [/only a FUND line names a fund/i, 'FUND_ONLY'],
  [/at least one funding line/i, 'NO_FUNDING_LINE'],
  [/handover minutes: give their number/i, 'HANDOVER_REQUIRED'],
  [/cannot take the step/i, 'WRONG_STATUS'],
  [/citizen ID is already registered/i, 'DUPLICATE_NATIONAL_ID'],
];

/** Rules the server names in `extensions.rule` that mean the same as one of ours. */
const ruleAliases: Readonly<Record<string, string>> = { HOUSING_NEW: 'HOUSING_RATE', HOUSING_REPAIR: 'HOUSING_RATE' };

export const explainedRules = new Set([...messageRules.map(([, rule]) => rule)]);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : '';
}

/** The rule behind a refusal (HOUSING_FIRST_TRANCHE, ONE_GRANT_PER_PROGRAM…), or undefined. */
export function refusalRule(error: unknown): string | undefined {
  const rule = graphQLErrorsOf(error)[0]?.extensions?.rule;
  if (typeof rule === 'string') {
    const known = ruleAliases[rule] ?? rule;
    if (explainedRules.has(known)) return known;
  }
  const message = messageOf(error);
  return messageRules.find(([pattern]) => pattern.test(message))?.[1];
}

/** The translation key explaining a refusal of a grant step, an application or a household form. */
export function housingErrorHint(error: unknown): string | undefined {
  const rule = refusalRule(error);
  if (rule) return `soquy.housing.errors.${rule}`;
  const code = serverErrorCode(error);
  return code === 'INVALID_TRANSITION' ? 'soquy.housing.errors.WRONG_STATUS' : undefined;
}

/**
 * The id of the record a CONFLICT names: `extensions.existingId`, or the number the message gives
 * after `word` ("household 12", "grant 7").
 */
export function existingIdOf(error: unknown, word: 'household' | 'grant'): string | undefined {
  const fromExtensions = graphQLErrorsOf(error)[0]?.extensions?.existingId;
  if (typeof fromExtensions === 'string' || typeof fromExtensions === 'number') return String(fromExtensions);
  const match = new RegExp(`\\b${word} (\\d+)\\b`, 'i').exec(messageOf(error));
  return match?.[1];
}
