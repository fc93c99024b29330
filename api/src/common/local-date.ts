import { GraphQLError, GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate as ScalarsLocalDate } from 'graphql-scalars';

/** The years a date of Sổ Quỹ may fall in (birth dates of people with meritorious service included). */
export const DATE_YEARS = { min: 1900, max: 2999 } as const;

function inRange(date: unknown): unknown {
  const year = typeof date === 'string' ? Number(date.slice(0, 4)) : NaN;
  if (!(year >= DATE_YEARS.min && year <= DATE_YEARS.max)) {
    throw new GraphQLError(`Value is not a valid LocalDate: ${String(date)} (expected a year from ${DATE_YEARS.min} to ${DATE_YEARS.max})`);
  }
  return date;
}

/**
 * graphql-scalars' LocalDate (YYYY-MM-DD, a real calendar day), also refusing years outside
 * DATE_YEARS: it accepted "0000-01-01", which PostgreSQL cannot store, and the query failed with an
 * internal error instead of BAD_USER_INPUT. Same name and description: the SDL does not change.
 */
export const GraphQLLocalDate = new GraphQLScalarType({
  ...ScalarsLocalDate.toConfig(),
  parseValue: (value) => inRange(ScalarsLocalDate.parseValue(value)),
  parseLiteral: (ast, variables) => inRange(ScalarsLocalDate.parseLiteral(ast, variables)),
});
