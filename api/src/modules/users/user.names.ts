import type { RequestContext } from '../../common/context';
import { loader } from '../../common/context';

/** A user's full name for printed documents (người lập phiếu, người duyệt), batched per request. */
export function userName(ctx: RequestContext, id: number | undefined): Promise<string | null> {
  if (id === undefined) return Promise.resolve(null);
  return loader<number, string | null>(ctx, 'userNames', async (ids) => {
    const rows = await ctx.em.execute<{ id: number; full_name: string }[]>('select id, full_name from app_user where id in (?)', [ids]);
    const byId = new Map(rows.map((r) => [r.id, r.full_name]));
    return ids.map((id) => byId.get(id) ?? null);
  }).load(id);
}
