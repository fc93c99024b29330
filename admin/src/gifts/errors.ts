import { formatMoney } from '../format';
import { graphQLErrorsOf, serverErrorCode } from '../providers/errors';

/** A refusal of the gift API explained in the user's language: a translation key and its arguments. */
export interface GiftRefusal {
  key: string;
  args: Record<string, string | number>;
}

const money = (value: unknown): string => (typeof value === 'number' && Number.isSafeInteger(value) ? formatMoney(value) : '—');

/**
 * What a refusal means (DESIGN §5: `extensions.code`, with `rule`, `basis`, `limit`, `available`,
 * `needed`…): the fund cannot pay, the gift is above the rate, a child is already in the
 * campaign, the batch is not paid yet, a line is no longer pending.
 */
export function giftRefusal(error: unknown): GiftRefusal {
  const code = serverErrorCode(error);
  const extensions = graphQLErrorsOf(error)[0]?.extensions ?? {};
  const rule = typeof extensions.rule === 'string' ? extensions.rule : undefined;
  if (code === 'INSUFFICIENT_FUNDS') {
    return { key: 'soquy.gifts.errors.INSUFFICIENT_FUNDS', args: { needed: money(extensions.needed), available: money(extensions.available) } };
  }
  if (code === 'POLICY_LIMIT') {
    return {
      key: rule === 'CHILD_GIFT_PER_CHILD' ? 'soquy.gifts.errors.CHILD_GIFT_PER_CHILD' : 'soquy.gifts.errors.POLICY_LIMIT',
      args: { limit: money(extensions.limit), basis: typeof extensions.basis === 'string' ? extensions.basis : '' },
    };
  }
  if (code === 'CONFLICT') {
    if (rule === 'DUPLICATE_GIFT') return { key: 'soquy.gifts.errors.DUPLICATE_GIFT', args: { childId: typeof extensions.childId === 'string' ? extensions.childId : '' } };
    if (extensions.field === 'idempotencyKey') return { key: 'soquy.gifts.errors.KEY_USED', args: {} };
  }
  if (code === 'INVALID_TRANSITION') {
    return { key: rule === 'BATCH_NOT_PAID' ? 'soquy.gifts.errors.BATCH_NOT_PAID' : 'soquy.gifts.errors.NOT_PENDING', args: {} };
  }
  if (code === 'BAD_USER_INPUT') {
    const field = typeof extensions.field === 'string' ? extensions.field : '';
    if (field === 'childIds') return { key: 'soquy.gifts.errors.NOT_ELIGIBLE', args: {} };
    if (field === 'occurredOn') return { key: 'soquy.gifts.errors.DATE', args: {} };
    if (field === 'reason') return { key: 'soquy.gifts.errors.REASON', args: {} };
  }
  const known = ['INSUFFICIENT_FUNDS', 'BAD_USER_INPUT', 'INVALID_TRANSITION', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'POLICY_LIMIT'];
  return { key: `soquy.errors.${code && known.includes(code) ? code : 'other'}`, args: {} };
}
