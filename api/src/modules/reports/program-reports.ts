import type { Request, Response } from 'express';
import { Arg, Authorized, Ctx, Field, Float, ID, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { signedIn, type RequestContext, type SignedInContext } from '../../common/context';
import { AppError, badInput, ErrorCode } from '../../common/errors';
import { Money } from '../../common/money';
import { hasPermission, Permission } from '../../common/permissions';
import { sendTable, type ExportColumn } from '../../common/table-export';
import { HousingGrant, HousingGrantStatus, HousingGrantType, HousingProgram } from '../housing/housing-grant.entity';
import { HousingGrantFilter } from '../housing/housing-grant.inputs';
import { housingGrantWhere } from '../housing/housing-grant.service';
import { MemorialWork, MemorialWorkKind, MemorialWorkScope, MemorialWorkStatus } from '../memorial/memorial-work.entity';
import { MemorialWorkFilter } from '../memorial/memorial-work.inputs';
import { memorialWorkWhere } from '../memorial/memorial-work.service';
import { UnitLevel } from '../units/unit.entity';

export enum HousingReportDimension {
  STATUS = 'STATUS',
  TYPE = 'TYPE',
  PROGRAM = 'PROGRAM',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  YEAR = 'YEAR',
}
registerEnumType(HousingReportDimension, { name: 'HousingReportDimension', description: 'YEAR is the year of approval (of application, if not approved)' });

export enum MemorialReportDimension {
  STATUS = 'STATUS',
  KIND = 'KIND',
  SCOPE = 'SCOPE',
  LEVEL = 'LEVEL',
  UNIT = 'UNIT',
  YEAR = 'YEAR',
}
registerEnumType(MemorialReportDimension, { name: 'MemorialReportDimension', description: 'YEAR is the year of approval (of planning, if not approved)' });

@ObjectType({ description: 'One group of the housing report; the dimensions not grouped by are null' })
export class HousingReportRow {
  @Field(() => HousingGrantStatus, { nullable: true }) status?: HousingGrantStatus;
  @Field(() => HousingGrantType, { nullable: true }) type?: HousingGrantType;
  @Field(() => HousingProgram, { nullable: true }) program?: HousingProgram;
  @Field(() => ID, { nullable: true }) districtId?: string;
  @Field(() => String, { nullable: true }) districtName?: string;
  @Field(() => ID, { nullable: true }) communeId?: string;
  @Field(() => String, { nullable: true }) communeName?: string;
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => Int) count!: number;
  @Field(() => Money, { description: 'The support approved (policy rate)' }) amount!: number;
  @Field(() => Money, { description: 'The approved totals (all funding lines)' }) approvedTotal!: number;
  @Field(() => Money, { description: 'Tranches paid from the funds' }) paidAmount!: number;
}

@ObjectType({ description: 'One group of the memorial works report; the dimensions not grouped by are null' })
export class MemorialReportRow {
  @Field(() => MemorialWorkStatus, { nullable: true }) status?: MemorialWorkStatus;
  @Field(() => MemorialWorkKind, { nullable: true }) kind?: MemorialWorkKind;
  @Field(() => MemorialWorkScope, { nullable: true }) scope?: MemorialWorkScope;
  @Field(() => UnitLevel, { nullable: true }) level?: UnitLevel;
  @Field(() => ID, { nullable: true }) unitId?: string;
  @Field(() => String, { nullable: true }) unitName?: string;
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => Int) count!: number;
  @Field(() => Money) approvedCost!: number;
  @Field(() => Money) supportAmount!: number;
  @Field(() => Money, { description: 'Paid from the funds' }) paidAmount!: number;
  @Field(() => Float, { description: 'Average progress, in percent' }) averageProgress!: number;
}

export enum UnitView {
  /** The unit stored on each record: the one in force on its date. */
  RECORDED = 'RECORDED',
  /** Each record's unit mapped to today's unit through its successors (unit_current_id). */
  MAPPED = 'MAPPED',
}
registerEnumType(UnitView, { name: 'UnitView', description: 'Units as recorded, or mapped to the units in force today (after reorganisations)' });

/** The SQL giving the unit a row is grouped under. */
const unitOf = (column: string, view: UnitView) => (view === UnitView.MAPPED ? `unit_current_id(${column})` : column);

interface Dimension {
  select: string[];
  group: string[];
}

const housingDimensions: Record<HousingReportDimension, Dimension> = {
  STATUS: { select: ['g.status::text as status'], group: ['g.status'] },
  TYPE: { select: ['g.type::text as type'], group: ['g.type'] },
  PROGRAM: { select: ['g.program::text as program'], group: ['g.program'] },
  DISTRICT: { select: ['d.id as district_id', 'd.name_with_type as district_name'], group: ['d.id', 'd.name_with_type'] },
  COMMUNE: { select: ['c.id as commune_id', 'c.name_with_type as commune_name'], group: ['c.id', 'c.name_with_type'] },
  YEAR: { select: ['extract(year from coalesce(g.approved_on, g.applied_on))::int as year'], group: ['extract(year from coalesce(g.approved_on, g.applied_on))'] },
};

const memorialDimensions: Record<MemorialReportDimension, Dimension> = {
  STATUS: { select: ['w.status::text as status'], group: ['w.status'] },
  KIND: { select: ['w.kind::text as kind'], group: ['w.kind'] },
  SCOPE: { select: ['w.scope::text as scope'], group: ['w.scope'] },
  LEVEL: { select: ['u.level::text as level'], group: ['u.level'] },
  UNIT: { select: ['u.id as unit_id', 'u.name_with_type as unit_name'], group: ['u.id', 'u.name_with_type'] },
  YEAR: { select: ['extract(year from coalesce(w.approved_on, w.created_at::date))::int as year'], group: ['extract(year from coalesce(w.approved_on, w.created_at::date))'] },
};

/** The SELECT and GROUP BY of the chosen dimensions, in their order. */
function grouping<D extends string>(dimensions: Record<D, Dimension>, groupBy: D[]): { select: string; group: string; order: string } {
  if (new Set(groupBy).size !== groupBy.length) throw badInput('Each dimension once in groupBy', 'groupBy');
  const select = groupBy.flatMap((d) => dimensions[d].select);
  const group = groupBy.flatMap((d) => dimensions[d].group);
  return { select: select.length ? `${select.join(', ')},` : '', group: group.length ? `group by ${group.join(', ')}` : '', order: group.length ? `order by ${group.join(', ')}` : '' };
}

/** The query builder numbers its parameters ($1, $2…); em.execute binds `?` in order. */
const placeholders = (sql: string) => sql.replace(/\$\d+/g, '?');

const nullable = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
const idOf = (v: string | number | null | undefined): string | undefined => (v === null || v === undefined ? undefined : String(v));

export async function housingReport(ctx: SignedInContext, groupBy: HousingReportDimension[], filter: HousingGrantFilter = {}, unitView = UnitView.RECORDED): Promise<HousingReportRow[]> {
  const ids = ctx.em.createQueryBuilder(HousingGrant, 'g0').select('g0.id').where(housingGrantWhere(ctx, filter) as never);
  const { select, group, order } = grouping(housingDimensions, groupBy);
  const rows = await ctx.em.execute<Record<string, string | number | null>[]>(
    `with paid as (select project_id, sum(amount) as paid from disbursement where project_type = 'HOUSING_GRANT' and status = 'PAID' group by project_id)
     select ${select} count(*)::int as count, coalesce(sum(g.amount), 0) as amount, coalesce(sum(g.approved_total), 0) as approved_total, coalesce(sum(p.paid), 0) as paid
       from housing_grant g join administrative_unit c on c.id = ${unitOf('g.unit_id', unitView)} left join administrative_unit d on d.id = c.parent_id left join paid p on p.project_id = g.id
      where g.id in (${placeholders(ids.getQuery())}) ${group} ${order}`,
    [...ids.getParams()],
  );
  return rows.map((r) => ({
    status: nullable(r.status) as HousingGrantStatus | undefined,
    type: nullable(r.type) as HousingGrantType | undefined,
    program: nullable(r.program) as HousingProgram | undefined,
    districtId: idOf(r.district_id),
    districtName: nullable(r.district_name) as string | undefined,
    communeId: idOf(r.commune_id),
    communeName: nullable(r.commune_name) as string | undefined,
    year: nullable(r.year) as number | undefined,
    count: Number(r.count),
    amount: Number(r.amount),
    approvedTotal: Number(r.approved_total),
    paidAmount: Number(r.paid),
  }));
}

export async function memorialReport(ctx: SignedInContext, groupBy: MemorialReportDimension[], filter: MemorialWorkFilter = {}, unitView = UnitView.RECORDED): Promise<MemorialReportRow[]> {
  const ids = ctx.em.createQueryBuilder(MemorialWork, 'w0').select('w0.id').where(memorialWorkWhere(ctx, filter) as never);
  const { select, group, order } = grouping(memorialDimensions, groupBy);
  const rows = await ctx.em.execute<Record<string, string | number | null>[]>(
    `with paid as (select project_id, sum(amount) as paid from disbursement where project_type = 'MEMORIAL_WORK' and status = 'PAID' group by project_id)
     select ${select} count(*)::int as count, coalesce(sum(w.approved_cost), 0) as approved_cost, coalesce(sum(w.support_amount), 0) as support_amount,
            coalesce(sum(p.paid), 0) as paid, coalesce(round(avg(w.progress), 1), 0) as average_progress
       from memorial_work w join administrative_unit u on u.id = ${unitOf('w.unit_id', unitView)} left join paid p on p.project_id = w.id
      where w.id in (${placeholders(ids.getQuery())}) ${group} ${order}`,
    [...ids.getParams()],
  );
  return rows.map((r) => ({
    status: nullable(r.status) as MemorialWorkStatus | undefined,
    kind: nullable(r.kind) as MemorialWorkKind | undefined,
    scope: nullable(r.scope) as MemorialWorkScope | undefined,
    level: nullable(r.level) as UnitLevel | undefined,
    unitId: idOf(r.unit_id),
    unitName: nullable(r.unit_name) as string | undefined,
    year: nullable(r.year) as number | undefined,
    count: Number(r.count),
    approvedCost: Number(r.approved_cost),
    supportAmount: Number(r.support_amount),
    paidAmount: Number(r.paid),
    averageProgress: Number(r.average_progress),
  }));
}

@Resolver()
export class ProgramReportResolver {
  @Authorized(Permission.HousingRead)
  @Query(() => [HousingReportRow], { description: 'Housing grants counted and summed by the dimensions chosen, within your scope and the filter' })
  housingReport(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => [HousingReportDimension]) groupBy: HousingReportDimension[],
    @Arg('filter', () => HousingGrantFilter, { nullable: true }) filter?: HousingGrantFilter,
    @Arg('unitView', () => UnitView, { nullable: true, description: 'RECORDED (default) or MAPPED to today’s units, for the district and commune groupings' }) unitView?: UnitView,
  ) {
    return housingReport(signedIn(ctx), groupBy, filter ?? {}, unitView ?? UnitView.RECORDED);
  }

  @Authorized(Permission.MemorialRead)
  @Query(() => [MemorialReportRow], { description: 'Memorial works counted and summed by the dimensions chosen, within your scope and the filter' })
  memorialReport(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => [MemorialReportDimension]) groupBy: MemorialReportDimension[],
    @Arg('filter', () => MemorialWorkFilter, { nullable: true }) filter?: MemorialWorkFilter,
    @Arg('unitView', () => UnitView, { nullable: true, description: 'RECORDED (default) or MAPPED to today’s units, for the unit and level groupings' }) unitView?: UnitView,
  ) {
    return memorialReport(signedIn(ctx), groupBy, filter ?? {}, unitView ?? UnitView.RECORDED);
  }
}

const housingHeaders: Record<HousingReportDimension, ExportColumn[]> = {
  STATUS: [{ key: 'status', header: 'Trạng thái' }],
  TYPE: [{ key: 'type', header: 'Loại hỗ trợ' }],
  PROGRAM: [{ key: 'program', header: 'Chương trình' }],
  DISTRICT: [{ key: 'districtName', header: 'Huyện', width: 30 }],
  COMMUNE: [{ key: 'communeName', header: 'Xã', width: 30 }],
  YEAR: [{ key: 'year', header: 'Năm' }],
};
const memorialHeaders: Record<MemorialReportDimension, ExportColumn[]> = {
  STATUS: [{ key: 'status', header: 'Trạng thái' }],
  KIND: [{ key: 'kind', header: 'Loại công trình' }],
  SCOPE: [{ key: 'scope', header: 'Hình thức' }],
  LEVEL: [{ key: 'level', header: 'Cấp' }],
  UNIT: [{ key: 'unitName', header: 'Đơn vị', width: 30 }],
  YEAR: [{ key: 'year', header: 'Năm' }],
};

function parseGroupBy<D extends string>(req: Request, allowed: Record<D, unknown>): D[] {
  const text = String(req.query.groupBy ?? '');
  const dims = text ? text.split(',') : [];
  for (const d of dims) if (!(d in allowed)) throw new AppError(ErrorCode.BAD_USER_INPUT, `groupBy: ${d} is not one of ${Object.keys(allowed).join(', ')}`);
  return dims as D[];
}

function parseUnitView(req: Request): UnitView {
  const view = String(req.query.unitView ?? UnitView.RECORDED);
  if (!(view in UnitView)) throw new AppError(ErrorCode.BAD_USER_INPUT, `unitView: ${view} is not one of ${Object.keys(UnitView).join(', ')}`);
  return view as UnitView;
}

function assertRead(ctx: SignedInContext, permission: Permission): void {
  if (!hasPermission(ctx.user.role, permission)) throw new AppError(ErrorCode.FORBIDDEN, `Your role (${ctx.user.role}) does not allow this`);
}

/** GET /export/housing-report.csv|.xlsx?groupBy=TYPE,YEAR&filter=<HousingGrantFilter JSON> */
export async function exportHousingReport(ctx: RequestContext, res: Response, format: 'csv' | 'xlsx', filter: HousingGrantFilter, req: Request): Promise<void> {
  const signed = signedIn(ctx);
  assertRead(signed, Permission.HousingRead);
  const groupBy = parseGroupBy(req, housingHeaders);
  const columns: ExportColumn[] = [
    ...groupBy.flatMap((d) => housingHeaders[d]),
    { key: 'count', header: 'Số hộ', numeric: true },
    { key: 'amount', header: 'Mức hỗ trợ (đồng)', numeric: true },
    { key: 'approvedTotal', header: 'Tổng kinh phí (đồng)', numeric: true },
    { key: 'paidAmount', header: 'Đã chi từ quỹ (đồng)', numeric: true },
  ];
  const rows = await housingReport(signed, groupBy, filter, parseUnitView(req));
  await sendTable(res, format, { name: 'bao-cao-ho-tro-nha-o', sheet: 'Hỗ trợ nhà ở' }, columns, rows as unknown as Record<string, string | number | null>[]);
}

/** GET /export/memorial-report.csv|.xlsx?groupBy=KIND,LEVEL&filter=<MemorialWorkFilter JSON> */
export async function exportMemorialReport(ctx: RequestContext, res: Response, format: 'csv' | 'xlsx', filter: MemorialWorkFilter, req: Request): Promise<void> {
  const signed = signedIn(ctx);
  assertRead(signed, Permission.MemorialRead);
  const groupBy = parseGroupBy(req, memorialHeaders);
  const columns: ExportColumn[] = [
    ...groupBy.flatMap((d) => memorialHeaders[d]),
    { key: 'count', header: 'Số công trình', numeric: true },
    { key: 'approvedCost', header: 'Tổng mức đầu tư (đồng)', numeric: true },
    { key: 'supportAmount', header: 'Kinh phí hỗ trợ (đồng)', numeric: true },
    { key: 'paidAmount', header: 'Đã chi từ quỹ (đồng)', numeric: true },
    { key: 'averageProgress', header: 'Tiến độ bình quân (%)' },
  ];
  const rows = await memorialReport(signed, groupBy, filter, parseUnitView(req));
  await sendTable(res, format, { name: 'bao-cao-cong-trinh-ghi-cong', sheet: 'Công trình ghi công' }, columns, rows as unknown as Record<string, string | number | null>[]);
}
