import { graphQLErrorsOf, serverErrorCode } from '../providers/errors';

/** What a POLICY_LIMIT refusal says: the rule (a rate code), its legal basis, and the limit when known. */
export interface PolicyRefusal {
  rule: string | undefined;
  basis: string | undefined;
  limit: number | undefined;
}

const LEGAL_TEXT = /(Thông tư|Nghị định|Quyết định|Luật|Pháp lệnh|Nghị quyết)\s/;

/** The server's message of a failed call. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : '';
}

/** The field names of the server's validation errors carried by a failed call (`fundingLines`, `projectDocumentNumber`…). */
export function serverFields(error: unknown): Record<string, string> {
  if (typeof error !== 'object' || error === null || !('body' in error)) return {};
  const errors = (error as { body?: { errors?: Record<string, unknown> } }).body?.errors ?? {};
  return Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => entry[0] !== 'root' && typeof entry[1] === 'string'));
}

/** The legal text at the end of an API message: from the first "Thông tư", "Nghị định", "Quyết định"… on. */
export function basisInMessage(message: string): string | undefined {
  const match = LEGAL_TEXT.exec(message);
  return match ? message.slice(match.index).trim() : undefined;
}

/**
 * The rule and legal basis of a POLICY_LIMIT refusal of a memorial work: the API names them in
 * `extensions.rule`, `extensions.basis` and `extensions.limit` (the basis is also at the end of its
 * message).
 */
export function policyRefusal(error: unknown): PolicyRefusal | undefined {
  if (serverErrorCode(error) !== 'POLICY_LIMIT') return undefined;
  const extensions = graphQLErrorsOf(error)[0]?.extensions ?? {};
  return {
    rule: typeof extensions.rule === 'string' ? extensions.rule : undefined,
    basis: typeof extensions.basis === 'string' ? extensions.basis : basisInMessage(messageOf(error)),
    limit: typeof extensions.limit === 'number' ? extensions.limit : undefined,
  };
}
