import { ServerErrorAlert } from '../layout/ServerErrorAlert';
import { graphQLErrorsOf, serverErrorCode } from '../providers/errors';

/**
 * A refusal of a disbursement step, in words: the generic explanation of the error code and the
 * server's message (which carries the legal basis of a POLICY_LIMIT), plus what the usual cases
 * mean here: four eyes, books closed for the payment date, the rules of payments linked to a
 * project (the first-tranche share, the funding line, a project not at a stage that is paid).
 */
export function disbursementErrorHint(error: unknown): string | undefined {
  const code = serverErrorCode(error);
  const rule = graphQLErrorsOf(error)[0]?.extensions?.rule;
  if (rule === 'FOUR_EYES') return 'soquy.disbursements.error_four_eyes';
  if (rule === 'PERIOD_LOCKED') return 'soquy.disbursements.error_closed_period';
  if (rule === 'HOUSING_FIRST_TRANCHE') return 'soquy.disbursements.error_first_tranche';
  if (rule === 'FUNDING_LINE') return 'soquy.disbursements.error_funding_line';
  if (rule === 'PROJECT_NOT_PAYABLE') return 'soquy.disbursements.error_project_not_payable';
  if (code === 'POLICY_LIMIT') return 'soquy.disbursements.error_policy_limit';
  if (code === 'INSUFFICIENT_FUNDS') return 'soquy.disbursements.error_insufficient_funds';
  return undefined;
}

export const DisbursementErrorAlert = ({ title, error }: { title: string; error: unknown }) => (
  <ServerErrorAlert title={title} error={error} hint={disbursementErrorHint(error)} />
);
