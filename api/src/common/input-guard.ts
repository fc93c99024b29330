import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { badInput } from './errors';

/**
 * The longest text one argument may carry. Modules set tighter limits where they know the field
 * (a search, a name); this one bounds everything else (notes, reasons, legal bases).
 */
export const MAX_TEXT_LENGTH = 4_000;

/**
 * The first string within an argument value that cannot be accepted as text, with its path (such as
 * `filter.q` or `fundingLines.0.note`): one with a NUL character (PostgreSQL text cannot store U+0000:
 * the driver fails the whole query with an internal error), one with an unpaired UTF-16 surrogate (not
 * Unicode text: the audit trail's jsonb refuses its escape, failing the mutation with an internal
 * error), or one longer than MAX_TEXT_LENGTH.
 */
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function badTextAt(value: unknown, path: string): { path: string; problem: 'nul' | 'surrogate' | 'length' } | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, problem: 'nul' };
    if (unpairedSurrogate.test(value)) return { path, problem: 'surrogate' };
    return value.length > MAX_TEXT_LENGTH ? { path, problem: 'length' } : undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = badTextAt(inner, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Throws BAD_USER_INPUT naming the argument (never echoing its value) when `badTextAt` finds one. */
export function assertAcceptableText(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    const found = badTextAt(value, name);
    if (!found) continue;
    const problems = {
      nul: 'contains a NUL character (U+0000), which no text accepts',
      surrogate: 'is not valid Unicode text (an unpaired surrogate)',
      length: `is longer than ${MAX_TEXT_LENGTH.toLocaleString('en')} characters`,
    };
    throw badInput(`${found.path} ${problems[found.problem]}`, found.path);
  }
}

/**
 * Puts assertAcceptableText in front of every field of the built schema that takes arguments (not a
 * type-graphql global middleware, which would wrap every field of every answer; see auditMutationFields).
 */
export function guardTextArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context, info) => {
        assertAcceptableText(args);
        return resolve(root, args, context, info);
      };
    }
  }
  return schema;
}
