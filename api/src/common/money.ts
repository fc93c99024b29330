import { GraphQLSafeInt } from 'graphql-scalars';
import { badInput } from './errors';

/** Money is whole VND: a PostgreSQL bigint, a safe integer in JavaScript, SafeInt in GraphQL. */
export const Money = GraphQLSafeInt;

/** Throws BAD_USER_INPUT unless the amount is a whole number of đồng from 1 to `max`. */
export function assertAmount(amount: number, field: string, max: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw badInput(`${field} must be a whole number of đồng greater than 0`, field);
  if (amount > max) throw badInput(`${field} ${amount.toLocaleString('vi-VN')} đồng is above the limit of ${max.toLocaleString('vi-VN')} đồng for one record`, field);
}
