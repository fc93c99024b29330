import { loader, type RequestContext } from '../../common/context';
import { AppError, ErrorCode } from '../../common/errors';
import { orAbsent, refOf } from '../../common/rows';
import type { AdministrativeUnit, UnitLevel } from '../units/unit.entity';
import type { Fund, FundKind } from './fund.entity';

/**
 * A fund as the loaders read it: plain values with the entity's property names, the references as
 * `{ id }`. The `Fund` GraphQL type resolves it exactly as the entity (the ids come from FundResolver);
 * a list page names up to one fund and one unit per row, and building them as entities cost more
 * than the page itself (bench:list).
 */
export interface FundRow {
  id: number;
  kind: FundKind;
  name: string;
  unit: { id: number };
  lockedUntil?: string;
  closedOn?: string;
  successor?: { id: number };
}

/** What the `Fund` GraphQL type and FundResolver are given: the entity or a row. */
export type FundView = Fund | FundRow;

/** A unit as the loaders read it (see FundRow). */
export interface UnitRow {
  id: number;
  code: string;
  name: string;
  nameWithType: string;
  type: string;
  level: UnitLevel;
  path: string;
  validFrom?: string;
  validTo?: string;
  parent?: { id: number };
  successor?: { id: number };
}

/** What the `AdministrativeUnit` GraphQL type and UnitResolver are given: the entity or a row. */
export type UnitView = AdministrativeUnit | UnitRow;

/**
 * Funds by id as plain rows, one query per request batch. Only for ids read from records already in
 * the user's scope (a disbursement's own fund): it does not check the scope again.
 */
export const fundsById = (ctx: RequestContext) =>
  loader<number, FundRow>(ctx, 'fundsById', async (ids) => {
    const rows = await ctx.em.execute<{ id: number; kind: FundKind; name: string; unit_id: number; locked_until: string | null; closed_on: string | null; successor_id: number | null }[]>(
      'select id, kind, name, unit_id, locked_until, closed_on, successor_id from fund where id in (?)',
      [ids],
    );
    const byId = new Map(
      rows.map((r): [number, FundRow] => [
        r.id,
        { id: r.id, kind: r.kind, name: r.name, unit: { id: r.unit_id }, lockedUntil: orAbsent(r.locked_until), closedOn: orAbsent(r.closed_on), successor: refOf(r.successor_id) },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? new AppError(ErrorCode.NOT_FOUND, `Fund ${id} not found`)) as FundRow[];
  });

/** Units by id as plain rows, one query per request batch; like `fundsById`, for the units of records in scope. */
export const unitsById = (ctx: RequestContext) =>
  loader<number, UnitRow>(ctx, 'unitsById', async (ids) => {
    const rows = await ctx.em.execute<
      { id: number; code: string; name: string; name_with_type: string; type: string; level: UnitLevel; path: string; valid_from: string | null; valid_to: string | null; parent_id: number | null; successor_id: number | null }[]
    >('select id, code, name, name_with_type, type, level, path, valid_from, valid_to, parent_id, successor_id from administrative_unit where id in (?)', [ids]);
    const byId = new Map(
      rows.map((r): [number, UnitRow] => [
        r.id,
        {
          id: r.id,
          code: r.code,
          name: r.name,
          nameWithType: r.name_with_type,
          type: r.type,
          level: r.level,
          path: r.path,
          validFrom: orAbsent(r.valid_from),
          validTo: orAbsent(r.valid_to),
          parent: refOf(r.parent_id),
          successor: refOf(r.successor_id),
        },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? new AppError(ErrorCode.NOT_FOUND, `Unit ${id} not found`)) as UnitRow[];
  });
