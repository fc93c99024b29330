import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { logger } from '../../common/logger';
import { recordChanges } from './audit.recorder';

function targetOf(result: unknown, returnType: string): { type: string | null; id: string | null } {
  const value = result as { id?: unknown; user?: { id?: unknown } } | null;
  if (value?.user?.id !== undefined) return { type: 'User', id: String(value.user.id) };
  if (value?.id !== undefined && value.id !== null) return { type: returnType.replace(/Created$/, ''), id: String(value.id) };
  return { type: null, id: null };
}

/**
 * Every mutation runs in one database transaction that ends with its audit event: who, when, the
 * operation, the target, the changed fields before and after, the request id and client address.
 * If the mutation fails, nothing it wrote stays, and no event either.
 */
export const auditMutations: MiddlewareFn<RequestContext> = async ({ info, context }, next) => {
  if (info.parentType.name !== 'Mutation') return next();
  const outer = context.em;
  const afterTransaction: (() => Promise<void>)[] = [];
  context.afterTransaction = afterTransaction;
  try {
    return await outer.transactional(async (em) => {
      context.em = em;
      const { changes, run } = recordChanges(next);
      const result = await run;
      const user = context.user;
      const target = targetOf(result, info.returnType.toString().replace(/[[\]!]/g, ''));
      const [unit] = await em.execute<{ path: string; email: string | null }[]>(
        'select u.path, a.email from app_user a join administrative_unit u on u.id = a.unit_id where a.id = ?',
        [user?.id ?? (target.type === 'User' ? Number(target.id) : 0)],
      );
      await em.execute(
        `insert into audit_event (user_id, user_email, unit_path, operation, target_type, target_id, changes, request_id, client_address)
         values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
        [
          user?.id ?? null,
          user?.email ?? unit?.email ?? null,
          unit?.path ?? context.scope?.unitPath ?? '/',
          info.fieldName,
          target.type,
          target.id,
          JSON.stringify(changes.map(({ record, ...c }) => ({ ...c, id: (record as { id?: unknown }).id === undefined ? null : String((record as { id?: unknown }).id) }))),
          context.requestId,
          context.ip,
        ],
      );
      return result;
    });
  } finally {
    context.em = outer;
    context.afterTransaction = undefined;
    for (const work of afterTransaction) {
      await work().catch((error: unknown) => logger.error('work after a mutation failed', { operation: info.fieldName, message: (error as Error).message }));
    }
  }
};

/**
 * Wraps every Mutation field of the built schema in `auditMutations`, outside type-graphql's own
 * auth check and validation (the order a global middleware had). Not a type-graphql global
 * middleware: that would turn every field of every answer (each scalar of each list row) into a
 * chain of promises, a large part of a list request's CPU.
 */
export function auditMutationFields(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (root, args, context: RequestContext, info) =>
      auditMutations({ root, args, context, info }, async () => resolve(root, args, context, info));
  }
  return schema;
}
