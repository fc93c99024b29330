import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { addDays, assertDate, formatDateVi } from '../../common/dates';
import { badInput, notFound } from '../../common/errors';
import { parseId } from '../../common/pagination';
import { likeEscape } from '../../common/text';
import type { DonationMethod } from '../donations/donation.entity';
import type { DonorType } from '../donors/donor.entity';
import { FundKind } from '../funds/fund.entity';
import { UnitLevel } from '../units/unit.entity';
import {
  StatementUnitView,
  type FundStatement,
  type StatementBalances,
  type StatementFigures,
  type StatementFund,
  type StatementInput,
  type StatementRow,
} from './statement.types';

/** A fund of the statement, with its unit as recorded and as mapped to today's unit. */
interface FundInfo {
  id: number;
  name: string;
  kind: FundKind;
  closedOn: string | null;
  recorded: UnitInfo;
  mapped: UnitInfo;
}
interface UnitInfo {
  id: number;
  name: string;
  level: UnitLevel;
  validTo: string | null;
}

/** One fund's figures over a period (the parts rows need). */
interface FundFigures {
  opening: number;
  receipts: number;
  disbursements: number;
  transfersIn: number;
  transfersOut: number;
  closing: number;
}

const MAX_YEARS = 10;

/** "2024-02-29", -1 → "2023-02-28": the same day of another year (29 February becomes the 28th). */
export function shiftYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** A PostgreSQL array literal of ids: one parameter, one plan, whatever the number of funds. */
const pgArray = (ids: number[]) => `{${ids.join(',')}}`;

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

function emptyBalances(): StatementBalances {
  return { free: 0, earmarked: 0, goods: 0, total: 0 };
}

/** Cash and goods per fund as of the end of each date, from the kept balances minus the daily totals after it. */
async function balancesAsOf(em: EntityManager, fundIds: number[], dates: string[]) {
  const earliest = dates.reduce((a, b) => (a < b ? a : b));
  const rows = await em.execute<Record<string, string | number | null>[]>(
    `select a.fund_id, a.code::text as code, a.purpose, a.balance,
            ${dates.map((_, i) => `coalesce(sum(d.amount) filter (where d.day > ?), 0) as after_${i}`).join(', ')}
       from ledger_account a
       left join ledger_daily_total d on d.account_id = a.id and d.day > ?
      where a.fund_id = any(?::int[]) and a.code in ('CASH', 'GOODS')
      group by a.id`,
    [...dates, earliest, pgArray(fundIds)],
  );
  return dates.map((_, i) => {
    const byFund = new Map<number, StatementBalances>();
    const purposes = new Map<string, number>();
    for (const r of rows) {
      const amount = Number(r.balance) - Number(r[`after_${i}`]);
      const fundId = Number(r.fund_id);
      const b = byFund.get(fundId) ?? emptyBalances();
      byFund.set(fundId, b);
      if (r.code === 'GOODS') b.goods += amount;
      else if (r.purpose) {
        b.earmarked += amount;
        purposes.set(String(r.purpose), (purposes.get(String(r.purpose)) ?? 0) + amount);
      } else b.free += amount;
      b.total += amount;
    }
    return { byFund, purposes };
  });
}

interface FlowRow {
  fund_id: number;
  kind: string;
  code: string;
  category: string | null;
  in_kind: boolean;
  method: DonationMethod | null;
  donor_type: DonorType | null;
  other_fund: number | null;
  amount: string;
}

/**
 * The period's movements grouped by what the breakdowns need, in four small queries instead of one
 * join over every entry of the period (1 s on a million entries):
 * - donations received in the period (every status: a void is its own later movement), by method and donor type;
 * - disbursements paid in the period, by category and in kind, and the transfers they sent to a fund of the set;
 * - the rare ledger movements (voids, gift returns, succession transfers), entry by entry as before.
 * Each is a business record's own date: a donation is posted on its receipt date, a disbursement on its payment
 * date. The kinds read from their records are written out in the rare movements' filter, as the partial index
 * ledger_transaction_rare_idx has them. `ledgerTotals` reads the same movements from the ledger's daily totals, and the statement balances
 * only if both agree fund by fund.
 */
async function flows(em: EntityManager, fundIds: number[], from: string, to: string): Promise<FlowRow[]> {
  const ids = pgArray(fundIds);
  const [donations, paid, received, rare] = await Promise.all([
    em.execute<FlowRow[]>(
      `select dn.fund_id, 'DONATION' as kind,
              case when dn.method = 'IN_KIND' then 'IN_KIND_INCOME' else 'DONATION_INCOME' end as code,
              null as category, false as in_kind, dn.method::text as method, dr.type::text as donor_type, null::int as other_fund,
              -sum(dn.amount) as amount
         from donation dn left join donor dr on dr.id = dn.donor_id
        where dn.fund_id = any(?::int[]) and dn.received_on between ? and ?
        group by 1, 3, 6, 7`,
      [ids, from, to],
    ),
    em.execute<FlowRow[]>(
      `select db.fund_id, case when db.category = 'TRANSFER' then 'TRANSFER_OUT' else 'DISBURSEMENT' end as kind,
              case when db.category = 'TRANSFER' then 'TRANSFER_OUT' else 'EXPENSE' end as code,
              db.category::text as category, db.in_kind, null as method, null as donor_type, db.target_fund_id as other_fund,
              sum(db.amount) as amount
         from disbursement db
        where db.fund_id = any(?::int[]) and db.paid_on between ? and ? and db.status = 'PAID'
        group by 1, 2, 3, 4, 5, 8`,
      [ids, from, to],
    ),
    em.execute<FlowRow[]>(
      `select db.target_fund_id as fund_id, 'TRANSFER_IN' as kind, 'TRANSFER_IN' as code, null as category, false as in_kind,
              null as method, null as donor_type, db.fund_id as other_fund, -sum(db.amount) as amount
         from disbursement db
        where db.target_fund_id = any(?::int[]) and db.paid_on between ? and ? and db.status = 'PAID'
        group by 1, 8`,
      [ids, from, to],
    ),
    em.execute<FlowRow[]>(
      `select t.fund_id, t.kind, a.code::text as code,
              case when a.code = 'EXPENSE' then a.purpose end as category, false as in_kind,
              case when a.code = 'IN_KIND_INCOME' then 'IN_KIND' else dn.method::text end as method,
              dr.type::text as donor_type,
              case when t.kind = 'SUCCESSION_TRANSFER_OUT' and a.code = 'TRANSFER_OUT' then f.successor_id end as other_fund,
              sum(e.amount) as amount
         from ledger_transaction t
         join fund f on f.id = t.fund_id
         join ledger_entry e on e.transaction_id = t.id
         join ledger_account a on a.id = e.account_id
         left join donation dn on t.source_type = 'donation' and dn.id = t.source_id
         left join donor dr on dr.id = dn.donor_id
        where t.fund_id = any(?::int[]) and t.occurred_on between ? and ?
          and t.kind not in ('DONATION', 'DISBURSEMENT', 'TRANSFER_OUT', 'TRANSFER_IN')
          and a.code not in ('CASH', 'GOODS')
        group by 1, 2, 3, 4, 5, 6, 7, 8`,
      [ids, from, to],
    ),
  ]);
  return [...donations, ...paid, ...received, ...rare];
}

/** Per fund, the period's income, spending and transfers as the ledger's daily totals have them. */
async function ledgerTotals(em: EntityManager, fundIds: number[], from: string, to: string): Promise<Map<number, Omit<FundFigures, 'opening' | 'closing'>>> {
  const rows = await em.execute<{ fund_id: number; code: string; amount: string }[]>(
    `select a.fund_id, a.code::text as code, sum(d.amount) as amount
       from ledger_daily_total d join ledger_account a on a.id = d.account_id
      where a.fund_id = any(?::int[]) and a.code not in ('CASH', 'GOODS') and d.day between ? and ?
      group by 1, 2`,
    [pgArray(fundIds), from, to],
  );
  const byFund = new Map<number, Omit<FundFigures, 'opening' | 'closing'>>();
  for (const r of rows) {
    const f = byFund.get(r.fund_id) ?? { receipts: 0, disbursements: 0, transfersIn: 0, transfersOut: 0 };
    byFund.set(r.fund_id, f);
    const amount = Number(r.amount);
    if (r.code === 'DONATION_INCOME' || r.code === 'IN_KIND_INCOME') f.receipts -= amount;
    else if (r.code === 'EXPENSE') f.disbursements += amount;
    else if (r.code === 'TRANSFER_OUT') f.transfersOut += amount;
    else if (r.code === 'TRANSFER_IN') f.transfersIn -= amount;
  }
  return byFund;
}

/** Cash and goods as of `to` summed from the entries themselves (kept balances minus the entries dated after it). */
async function ledgerClosing(em: EntityManager, fundIds: number[], to: string): Promise<number> {
  const [row] = await em.execute<{ total: string }[]>(
    `select (select coalesce(sum(balance), 0) from ledger_account where fund_id = any(?::int[]) and code in ('CASH', 'GOODS'))
          - (select coalesce(sum(e.amount), 0)
               from ledger_transaction t
               join ledger_entry e on e.transaction_id = t.id
               join ledger_account a on a.id = e.account_id
              where t.fund_id = any(?::int[]) and t.occurred_on > ? and a.code in ('CASH', 'GOODS')) as total`,
    [pgArray(fundIds), pgArray(fundIds), to],
  );
  return Number(row!.total);
}

function addTo<K>(map: Map<K, number>, key: K, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/** The figures of one period for a set of funds, and per fund for the roll-ups. */
async function period(em: EntityManager, fundIds: number[], from: string, to: string): Promise<{ figures: StatementFigures; perFund: Map<number, FundFigures> }> {
  const [[opening, closing], rows, ledger, totals] = await Promise.all([
    balancesAsOf(em, fundIds, [addDays(from, -1), to]).then((r) => [r[0]!, r[1]!] as const),
    flows(em, fundIds, from, to),
    ledgerClosing(em, fundIds, to),
    ledgerTotals(em, fundIds, from, to),
  ]);
  const inSet = new Set(fundIds);
  const blank = () => ({ receipts: 0, disbursements: 0, transfersIn: 0, transfersOut: 0 });
  // The rows' figures are the ledger's; the same figures rebuilt from the records must agree (checked below).
  const perFund = new Map<number, FundFigures>(
    fundIds.map((id) => [id, { opening: opening.byFund.get(id)?.total ?? 0, ...(totals.get(id) ?? blank()), closing: closing.byFund.get(id)?.total ?? 0 }]),
  );
  const fromRecords = new Map<number, Omit<FundFigures, 'opening' | 'closing'>>(fundIds.map((id) => [id, blank()]));
  const receipts = { donations: 0, voids: 0, byMethod: new Map<DonationMethod | null, number>(), byDonorType: new Map<DonorType | null, number>() };
  const spending = { gross: 0, giftReturns: 0, inKind: 0, byCategory: new Map<string, number>() };
  const tin = { total: 0, internal: 0, succession: 0 };
  const tout = { total: 0, internal: 0, succession: 0 };
  for (const r of rows) {
    const amount = Number(r.amount);
    const f = fromRecords.get(Number(r.fund_id))!;
    const succession = r.kind.startsWith('SUCCESSION_');
    switch (r.code) {
      case 'DONATION_INCOME':
      case 'IN_KIND_INCOME':
        if (r.kind === 'DONATION_VOID') receipts.voids += amount;
        else receipts.donations -= amount;
        addTo(receipts.byMethod, r.method, -amount);
        addTo(receipts.byDonorType, r.donor_type, -amount);
        f.receipts -= amount;
        break;
      case 'EXPENSE':
        if (r.kind === 'GIFT_RETURN') spending.giftReturns -= amount;
        else {
          spending.gross += amount;
          if (r.in_kind) spending.inKind += amount;
          addTo(spending.byCategory, `${r.category ?? 'OTHER'}|${r.in_kind}`, amount);
        }
        f.disbursements += amount;
        break;
      case 'TRANSFER_OUT':
        tout.total += amount;
        if (succession) tout.succession += amount;
        if (r.other_fund !== null && inSet.has(Number(r.other_fund))) tout.internal += amount;
        f.transfersOut += amount;
        break;
      case 'TRANSFER_IN':
        tin.total -= amount;
        if (succession) tin.succession -= amount;
        else if (r.other_fund !== null && inSet.has(Number(r.other_fund))) tin.internal -= amount;
        f.transfersIn -= amount;
        break;
      default:
        throw new Error(`statement: unexpected account code ${r.code}`);
    }
  }
  // A succession transfer received from a fund of this statement: its sending leg is in the same
  // query (same date), so the part received from within equals the part sent within.
  const successionInternal = rows
    .filter((r) => r.code === 'TRANSFER_OUT' && r.kind === 'SUCCESSION_TRANSFER_OUT' && r.other_fund !== null && inSet.has(Number(r.other_fund)))
    .reduce((s, r) => s + Number(r.amount), 0);
  tin.internal += successionInternal;

  const openingTotal = sumBalances(fundIds.map((id) => opening.byFund.get(id)));
  const closingTotal = sumBalances(fundIds.map((id) => closing.byFund.get(id)));
  const receiptsTotal = receipts.donations - receipts.voids;
  const spendingTotal = spending.gross - spending.giftReturns;
  const byMethod = [...receipts.byMethod].filter(([, a]) => a !== 0).map(([method, amount]) => ({ method, amount }));
  const byDonorType = [...receipts.byDonorType].filter(([, a]) => a !== 0).map(([donorType, amount]) => ({ donorType, amount }));
  const byCategory = [...spending.byCategory]
    .filter(([, a]) => a !== 0)
    .map(([key, amount]) => ({ category: key.split('|')[0]!, inKind: key.endsWith('|true'), amount }))
    .sort((a, b) => Number(a.inKind) - Number(b.inKind) || b.amount - a.amount);
  const earmarkedClosing = [...closing.purposes].filter(([, a]) => a !== 0).map(([purpose, amount]) => ({ purpose, amount })).sort((a, b) => a.purpose.localeCompare(b.purpose));
  const balanced =
    openingTotal.total + receiptsTotal - spendingTotal + tin.total - tout.total === closingTotal.total &&
    closingTotal.total === ledger &&
    sum(byMethod.map((x) => x.amount)) === receiptsTotal &&
    sum(byDonorType.map((x) => x.amount)) === receiptsTotal &&
    sum(byCategory.map((x) => x.amount)) === spending.gross &&
    tin.internal === tout.internal &&
    [...perFund].every(([id, f]) => {
      const r = fromRecords.get(id)!;
      const recordsAgree = r.receipts === f.receipts && r.disbursements === f.disbursements && r.transfersIn === f.transfersIn && r.transfersOut === f.transfersOut;
      return recordsAgree && f.opening + f.receipts - f.disbursements + f.transfersIn - f.transfersOut === f.closing;
    });
  return {
    perFund,
    figures: {
      from,
      to,
      opening: openingTotal,
      receipts: { donations: receipts.donations, voids: receipts.voids, total: receiptsTotal, byMethod, byDonorType },
      disbursements: { gross: spending.gross, giftReturns: spending.giftReturns, total: spendingTotal, inKind: spending.inKind, byCategory },
      transfersIn: tin,
      transfersOut: tout,
      closing: closingTotal,
      earmarkedClosing,
      ledgerClosing: ledger,
      balanced,
    },
  };
}

function sumBalances(list: (StatementBalances | undefined)[]): StatementBalances {
  const total = emptyBalances();
  for (const b of list) {
    if (!b) continue;
    total.free += b.free;
    total.earmarked += b.earmarked;
    total.goods += b.goods;
    total.total += b.total;
  }
  return total;
}

const levelOrder = [UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE];

function rollUp(funds: FundInfo[], perFund: Map<number, FundFigures>, view: StatementUnitView) {
  const unitOf = (f: FundInfo) => (view === StatementUnitView.MAPPED ? f.mapped : f.recorded);
  const add = (row: StatementRow, x: FundFigures) => {
    row.fundCount += 1;
    row.opening += x.opening;
    row.receipts += x.receipts;
    row.disbursements += x.disbursements;
    row.transfersIn += x.transfersIn;
    row.transfersOut += x.transfersOut;
    row.closing += x.closing;
  };
  const blank = (level: UnitLevel, unit?: UnitInfo): StatementRow => ({
    level,
    unitId: unit ? String(unit.id) : null,
    unitName: unit?.name ?? null,
    validTo: unit?.validTo ?? null,
    fundCount: 0,
    opening: 0,
    receipts: 0,
    disbursements: 0,
    transfersIn: 0,
    transfersOut: 0,
    closing: 0,
  });
  const levels = new Map<UnitLevel, StatementRow>();
  const units = new Map<number, StatementRow>();
  for (const f of funds) {
    const unit = unitOf(f);
    const x = perFund.get(f.id)!;
    if (!levels.has(unit.level)) levels.set(unit.level, blank(unit.level));
    add(levels.get(unit.level)!, x);
    if (!units.has(unit.id)) units.set(unit.id, blank(unit.level, unit));
    add(units.get(unit.id)!, x);
  }
  const byLevel = levelOrder.filter((l) => levels.has(l)).map((l) => levels.get(l)!);
  const byUnit = [...units.values()].sort((a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) || a.unitName!.localeCompare(b.unitName!, 'vi'));
  return { byLevel, byUnit };
}

const fundColumns = `f.id, f.name, f.kind::text as kind, f.closed_on::text as closed_on,
  u.id as u_id, u.name_with_type as u_name, u.level::text as u_level, u.valid_to::text as u_valid_to,
  m.id as m_id, m.name_with_type as m_name, m.level::text as m_level, m.valid_to::text as m_valid_to`;
// unit_current_id only for a unit that was ended (the others are their own current unit).
const fundFrom = `from fund f join administrative_unit u on u.id = f.unit_id
  join administrative_unit m on m.id = case when u.successor_id is null then u.id else unit_current_id(u.id) end`;

function toFundInfo(r: Record<string, string | number | null>): FundInfo {
  return {
    id: Number(r.id),
    name: String(r.name),
    kind: r.kind as FundKind,
    closedOn: (r.closed_on as string | null) ?? null,
    recorded: { id: Number(r.u_id), name: String(r.u_name), level: r.u_level as UnitLevel, validTo: (r.u_valid_to as string | null) ?? null },
    mapped: { id: Number(r.m_id), name: String(r.m_name), level: r.m_level as UnitLevel, validTo: (r.m_valid_to as string | null) ?? null },
  };
}

/** Checks the input (BAD_USER_INPUT) and loads the funds of the statement within the user's scope (NOT_FOUND). */
async function resolveFunds(ctx: SignedInContext, input: StatementInput): Promise<{ funds: FundInfo[]; kind: FundKind; unit: { id: number; name: string } }> {
  assertDate(input.from, 'from');
  assertDate(input.to, 'to');
  if (input.from > input.to) throw badInput(`from ${formatDateVi(input.from)} is after to ${formatDateVi(input.to)}: give a period that starts before it ends`, 'to');
  if (input.to >= shiftYears(input.from, MAX_YEARS)) throw badInput(`A statement covers at most ${MAX_YEARS} years: shorten the period`, 'to');
  const scopePath = `${likeEscape(ctx.scope.unitPath)}%`;
  if (input.fundId) {
    if (input.unitId || input.kind) throw badInput('Give either fundId, or unitId with kind, not both', 'fundId');
    const id = parseId(input.fundId, 'Fund');
    const [row] = await ctx.em.execute<Record<string, string | number | null>[]>(`select ${fundColumns} ${fundFrom} where f.id = ? and u.path like ?`, [id, scopePath]);
    if (!row) throw notFound('Fund', id);
    const fund = toFundInfo(row);
    return { funds: [fund], kind: fund.kind, unit: { id: fund.recorded.id, name: fund.recorded.name } };
  }
  if (!input.unitId || !input.kind) throw badInput('Give a fundId, or a unitId with a fund kind', input.unitId ? 'kind' : 'unitId');
  const unitId = parseId(input.unitId, 'Administrative unit');
  const [unit] = await ctx.em.execute<{ id: number; name_with_type: string; path: string }[]>(
    'select id, name_with_type, path from administrative_unit where id = ? and path like ?',
    [unitId, scopePath],
  );
  if (!unit) throw notFound('Administrative unit', unitId);
  const rows = await ctx.em.execute<Record<string, string | number | null>[]>(`select ${fundColumns} ${fundFrom} where f.kind = ? and u.path like ? order by f.id`, [
    input.kind,
    `${likeEscape(unit.path)}%`,
  ]);
  return { funds: rows.map(toFundInfo), kind: input.kind, unit: { id: unit.id, name: unit.name_with_type } };
}

export const statementService = {
  async statement(ctx: SignedInContext, input: StatementInput): Promise<FundStatement> {
    const { funds, kind, unit } = await resolveFunds(ctx, input);
    const unitView = input.unitView ?? StatementUnitView.RECORDED;
    const fundIds = funds.map((f) => f.id);
    const compare = input.compare ?? true;
    const emptySet = fundIds.length === 0;
    const ids = emptySet ? [0] : fundIds;
    const [current, previous] = await Promise.all([
      period(ctx.em, ids, input.from, input.to),
      compare ? period(ctx.em, ids, shiftYears(input.from, -1), shiftYears(input.to, -1)) : Promise.resolve(null),
    ]);
    const { byLevel, byUnit } = rollUp(funds, current.perFund, unitView);
    const fundList: StatementFund[] = funds.map((f) => ({ id: String(f.id), name: f.name, unitId: String(f.recorded.id), unitName: f.recorded.name, level: f.recorded.level, closedOn: f.closedOn }));
    return {
      kind,
      unitId: String(unit.id),
      unitName: unit.name,
      from: input.from,
      to: input.to,
      unitView,
      funds: fundList,
      current: current.figures,
      previous: previous?.figures ?? null,
      byLevel,
      byUnit,
      balanced: current.figures.balanced && (previous?.figures.balanced ?? true),
    };
  },
};

