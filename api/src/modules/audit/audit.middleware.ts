import { defaultFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { RetryInNewTransaction } from '../../common/errors';
import { logger } from '../../common/logger';
import { recordChanges } from './audit.recorder';

function targetOf(result: unknown, returnType: string): { type: string | null; id: string | null } {
  const value = result as { id?: unknown; user?: { id?: unknown } } | null;
  if (value?.user?.id !== undefined) return { type: 'User', id: String(value.user.id) };
  if (value?.id !== undefined && value.id !== null) return { type: returnType.replace(/Created$/, ''), id: String(value.id) };
  return { type: null, id: null };
}

/** Runs of a mutation whose transaction lost a race (`RetryInNewTransaction`) before the error goes out. */
const ATTEMPTS = 3;

/**
 * Every mutation runs in one database transaction that ends with its audit event: who, when, the
 * operation, the target, the changed fields before and after, the request id and client address.
 * If the mutation fails, nothing it wrote stays, and no event either. A mutation that asks for it
 * (`RetryInNewTransaction`) is rolled back and run again in a new transaction.
 */
export const auditMutations: MiddlewareFn<RequestContext> = async ({ info, context }, next) => {
  if (info.parentType.name !== 'Mutation') return next();
  for (let attempt = 1; ; attempt++) {
    try {
      return await audited(info, context, next);
    } catch (error) {
      if (!(error instanceof RetryInNewTransaction) || attempt >= ATTEMPTS) throw error;
    }
  }
};

async function audited(info: GraphQLResolveInfo, context: RequestContext, next: () => Promise<unknown>): Promise<unknown> {
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
      // Who acted and the unit path that scopes who may read the event: the signed-in user and scope
      // of the request; for a sign-in, the user it signed in (looked up); otherwise nobody, at '/'.
      let email = user?.email ?? null;
      let unitPath = context.scope?.unitPath;
      if (!user || !unitPath) {
        const subject = user?.id ?? (target.type === 'User' ? Number(target.id) : 0);
        const [unit] = subject
          ? await em.execute<{ path: string; email: string | null }[]>('select u.path, a.email from app_user a join administrative_unit u on u.id = a.unit_id where a.id = ?', [subject])
          : [];
        email ??= unit?.email ?? null;
        unitPath = unit?.path ?? unitPath;
      }
      await em.execute(
        `insert into audit_event (user_id, user_email, unit_path, operation, target_type, target_id, changes, request_id, client_address)
         values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
        [
          user?.id ?? null,
          email,
          unitPath ?? '/',
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
}

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
