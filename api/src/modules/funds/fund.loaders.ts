import { loader, type RequestContext } from '../../common/context';
import { AppError, ErrorCode } from '../../common/errors';
import { AdministrativeUnit } from '../units/unit.entity';
import { Fund } from './fund.entity';

/**
 * Funds by id, one query per request batch. Only for ids read from records already in the user's
 * scope (a disbursement's own fund): it does not check the scope again.
 */
export const fundsById = (ctx: RequestContext) =>
  loader<number, Fund>(ctx, 'fundsById', async (ids) => {
    const byId = new Map((await ctx.em.find(Fund, { id: { $in: [...ids] } })).map((f) => [f.id, f]));
    return ids.map((id) => byId.get(id) ?? new AppError(ErrorCode.NOT_FOUND, `Fund ${id} not found`)) as Fund[];
  });

/** Units by id, one query per request batch; like `fundsById`, for the units of records in scope. */
export const unitsById = (ctx: RequestContext) =>
  loader<number, AdministrativeUnit>(ctx, 'unitsById', async (ids) => {
    const byId = new Map((await ctx.em.find(AdministrativeUnit, { id: { $in: [...ids] } })).map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? new AppError(ErrorCode.NOT_FOUND, `Unit ${id} not found`)) as AdministrativeUnit[];
  });
