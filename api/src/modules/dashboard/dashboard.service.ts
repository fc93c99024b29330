import type { SignedInContext } from '../../common/context';
import { todayVn } from '../../common/dates';
import { badInput } from '../../common/errors';
import { hasPermission, Permission } from '../../common/permissions';
import { likeEscape } from '../../common/text';
import { AuditEvent } from '../audit/audit.entity';
import { GiftOccasion } from '../children/gift.entity';
import { SurgeryStatus } from '../children/support.entity';
import { surgeryMachine } from '../children/support.service';
import { refusal } from '../disbursements/disbursement.state';
import { DisbursementStatus } from '../disbursements/disbursement.entity';
import { DonorType } from '../donors/donor.entity';
import { ANONYMOUS_NAME } from '../donors/donor.service';
import { FundKind } from '../funds/fund.entity';
import { HousingGrantStatus } from '../housing/housing-grant.entity';
import { housingGrantMachine } from '../housing/housing-grant.state';
import { MemorialWorkStatus } from '../memorial/memorial-work.entity';
import { memorialWorkMachine } from '../memorial/memorial-work.state';
import type {
  ChildSupportSummary,
  FundKindBalance,
  HousingStatusCount,
  MemorialSummary,
  MonthFlow,
  PendingApprovals,
  PendingGroup,
  RecentTransaction,
  TopDonor,
} from './dashboard.types';

/**
 * The dashboard's sections. Each one is a fixed number of SQL aggregates (one or two statements)
 * whatever the data size, limited to the user's unit subtree, and answers null when the user's
 * role lacks the section's read permission. The pending steps reuse the state machines' own
 * rules (disbursement four eyes, housing, memorial and surgery machines), never a copy of them.
 */

/** How many records each pending group lists (the count covers them all). */
export const PENDING_ITEMS = 5;
const RECENT = 10;
const TOP_DONORS = 10;
/** Progress bands of the works in progress, in percent (inclusive). */
const BANDS: readonly [number, number][] = [
  [0, 24],
  [25, 49],
  [50, 74],
  [75, 99],
  [100, 100],
];
/** Walk-in receipts written out to these names are anonymous gifts too (compared folded: no case, no diacritics). */
const ANONYMOUS_WALK_IN_NAMES = [ANONYMOUS_NAME, 'Ẩn danh', 'Người ẩn danh'];

const may = (ctx: SignedInContext, permission: Permission) => hasPermission(ctx.user.role, permission);
/** The LIKE pattern of the user's subtree, on administrative_unit.path. */
const subtree = (ctx: SignedInContext) => `${likeEscape(ctx.scope.unitPath)}%`;
const num = (v: string | number | null | undefined) => Number(v ?? 0);

export function dashboardYear(year?: number | null): number {
  if (year === undefined || year === null) return Number(todayVn().slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year must be a year from 2000 to 2100', 'year');
  return year;
}

/** [1 January, 1 January of the next year) */
const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year + 1}-01-01`];

type Row = Record<string, string | number | null>;

export const dashboardService = {
  async balances(ctx: SignedInContext): Promise<FundKindBalance[] | null> {
    if (!may(ctx, Permission.FundRead)) return null;
    const rows = await ctx.em.execute<Row[]>(
      `select f.kind::text as kind,
              count(distinct f.id) filter (where f.closed_on is null)::int as fund_count,
              coalesce(sum(a.balance) filter (where a.code = 'CASH' and a.purpose is null), 0) as free_cash,
              coalesce(sum(a.balance) filter (where a.code = 'CASH' and a.purpose is not null), 0) as earmarked_cash,
              coalesce(sum(a.balance) filter (where a.code = 'GOODS'), 0) as goods
         from fund f
         join administrative_unit u on u.id = f.unit_id
         left join ledger_account a on a.fund_id = f.id and a.code in ('CASH', 'GOODS')
        where u.path like ?
        group by f.kind`,
      [subtree(ctx)],
    );
    const byKind = new Map(rows.map((r) => [r.kind as FundKind, r]));
    return Object.values(FundKind)
      .filter((kind) => byKind.has(kind))
      .map((kind) => {
        const r = byKind.get(kind)!;
        const freeCash = num(r.free_cash);
        const earmarkedCash = num(r.earmarked_cash);
        const goods = num(r.goods);
        return { kind, fundCount: num(r.fund_count), freeCash, earmarkedCash, goods, total: freeCash + earmarkedCash + goods };
      });
  },

  async monthly(ctx: SignedInContext, year: number): Promise<MonthFlow[] | null> {
    if (!may(ctx, Permission.LedgerRead)) return null;
    const [from, to] = yearRange(year);
    const rows = await ctx.em.execute<Row[]>(
      `select extract(month from t.occurred_on)::int as month,
              -coalesce(sum(e.amount) filter (where a.code in ('DONATION_INCOME', 'IN_KIND_INCOME')), 0) as receipts,
              -coalesce(sum(e.amount) filter (where a.code = 'IN_KIND_INCOME'), 0) as in_kind,
              coalesce(sum(e.amount) filter (where a.code = 'EXPENSE'), 0) as disbursements,
              coalesce(sum(e.amount) filter (where a.code = 'TRANSFER_OUT'), 0) as transfers_out,
              -coalesce(sum(e.amount) filter (where a.code = 'TRANSFER_IN'), 0) as transfers_in
         from ledger_transaction t
         join fund f on f.id = t.fund_id
         join administrative_unit u on u.id = f.unit_id
         join ledger_entry e on e.transaction_id = t.id
         join ledger_account a on a.id = e.account_id
        where u.path like ? and t.occurred_on >= ? and t.occurred_on < ?
          and a.code in ('DONATION_INCOME', 'IN_KIND_INCOME', 'EXPENSE', 'TRANSFER_OUT', 'TRANSFER_IN')
        group by 1`,
      [subtree(ctx), from, to],
    );
    const byMonth = new Map(rows.map((r) => [num(r.month), r]));
    return Array.from({ length: 12 }, (_, i) => {
      const r = byMonth.get(i + 1);
      return {
        month: i + 1,
        receipts: num(r?.receipts),
        inKindReceipts: num(r?.in_kind),
        disbursements: num(r?.disbursements),
        transfersOut: num(r?.transfers_out),
        transfersIn: num(r?.transfers_in),
      };
    });
  },

  async housing(ctx: SignedInContext): Promise<HousingStatusCount[] | null> {
    if (!may(ctx, Permission.HousingRead)) return null;
    const rows = await ctx.em.execute<Row[]>(
      `select g.status::text as status, count(*)::int as count, coalesce(sum(g.amount), 0) as amount
         from housing_grant g join administrative_unit u on u.id = g.unit_id
        where u.path like ? group by g.status`,
      [subtree(ctx)],
    );
    const byStatus = new Map(rows.map((r) => [r.status as HousingGrantStatus, r]));
    return Object.values(HousingGrantStatus).map((status) => ({ status, count: num(byStatus.get(status)?.count), amount: num(byStatus.get(status)?.amount) }));
  },

  async memorial(ctx: SignedInContext): Promise<MemorialSummary | null> {
    if (!may(ctx, Permission.MemorialRead)) return null;
    const bandColumns = BANDS.map(([lo, hi], i) => `count(*) filter (where w.status = 'IN_PROGRESS' and w.progress between ${lo} and ${hi})::int as band_${i}`).join(', ');
    const rows = await ctx.em.execute<Row[]>(
      `select grouping(w.status) as total_row, w.status::text as status, count(*)::int as count, coalesce(sum(w.support_amount), 0) as support_amount,
              coalesce(round(avg(w.progress), 1), 0) as average_progress, ${bandColumns}
         from memorial_work w join administrative_unit u on u.id = w.unit_id
        where u.path like ? group by rollup (w.status)`,
      [subtree(ctx)],
    );
    const byStatus = new Map(rows.filter((r) => num(r.total_row) === 0).map((r) => [r.status as MemorialWorkStatus, r]));
    const total = rows.find((r) => num(r.total_row) === 1);
    return {
      byStatus: Object.values(MemorialWorkStatus).map((status) => {
        const r = byStatus.get(status);
        return { status, count: num(r?.count), supportAmount: num(r?.support_amount), averageProgress: num(r?.average_progress) };
      }),
      progressBands: BANDS.map(([from, to], i) => ({ from, to, count: num(total?.[`band_${i}`]) })),
    };
  },

  async childSupport(ctx: SignedInContext, year: number): Promise<ChildSupportSummary | null> {
    if (!may(ctx, Permission.ChildRead)) return null;
    const [from, to] = yearRange(year);
    const schoolYear = `${year}-${year + 1}`;
    // Gift recipients are scoped by their own commune (a province campaign pays children of every commune).
    const [gifts, scholarships, surgery] = await Promise.all([
      ctx.em.execute<Row[]>(
        `select c.occasion::text as occasion, count(distinct c.id)::int as campaigns, count(*)::int as children, coalesce(sum(r.amount), 0) as amount
           from gift_campaign c
           join gift_recipient r on r.campaign_id = c.id
           join administrative_unit u on u.id = r.unit_id
          where u.path like ? and r.status <> 'RETURNED' and c.gift_date >= ? and c.gift_date < ?
          group by c.occasion`,
        [subtree(ctx), from, to],
      ),
      ctx.em.execute<Row[]>(
        `select count(*)::int as count, coalesce(sum(s.amount_per_term * s.terms), 0) as amount
           from scholarship s join child ch on ch.id = s.child_id join administrative_unit u on u.id = ch.unit_id
          where u.path like ? and s.school_year = ?`,
        [subtree(ctx), schoolYear],
      ),
      ctx.em.execute<Row[]>(
        `select s.status::text as status, count(*)::int as count, coalesce(sum(s.fund_support), 0) as support
           from surgery_case s join child ch on ch.id = s.child_id join administrative_unit u on u.id = ch.unit_id
          where u.path like ? and s.referred_on >= ? and s.referred_on < ?
          group by s.status`,
        [subtree(ctx), from, to],
      ),
    ]);
    const giftsBy = new Map(gifts.map((r) => [r.occasion as GiftOccasion, r]));
    const surgeryBy = new Map(surgery.map((r) => [r.status as SurgeryStatus, r]));
    return {
      gifts: Object.values(GiftOccasion)
        .filter((occasion) => giftsBy.has(occasion))
        .map((occasion) => {
          const r = giftsBy.get(occasion)!;
          return { occasion, campaigns: num(r.campaigns), children: num(r.children), amount: num(r.amount) };
        }),
      scholarships: { schoolYear, count: num(scholarships[0]?.count), amount: num(scholarships[0]?.amount) },
      surgery: Object.values(SurgeryStatus).map((status) => ({ status, count: num(surgeryBy.get(status)?.count), support: num(surgeryBy.get(status)?.support) })),
    };
  },

  /**
   * The year's ten largest givers by the donations received in the year and not voided. Donors on
   * record are grouped by record; every ANONYMOUS donor and every walk-in receipt written out to
   * "ẩn danh" fall into one line "Nhà hảo tâm ẩn danh" whose name, id and type are never read;
   * walk-in givers (no donor record) are grouped by the folded name on the receipt.
   */
  async topDonors(ctx: SignedInContext, year: number): Promise<TopDonor[] | null> {
    if (!may(ctx, Permission.DonationRead)) return null;
    const [from, to] = yearRange(year);
    const anonymousNames = ANONYMOUS_WALK_IN_NAMES.map(() => 'vi_fold(?)').join(', ');
    const rows = await ctx.em.execute<Row[]>(
      `with gifts as (
         select x.amount,
                case when dn.type = 'ANONYMOUS' or (dn.id is null and vi_fold(btrim(x.donor_name)) in (${anonymousNames})) then 'anonymous'
                     when dn.id is not null then 'donor:' || dn.id
                     else 'walkin:' || vi_fold(btrim(x.donor_name)) end as key,
                dn.id as donor_id, dn.type::text as donor_type, coalesce(dn.name, btrim(x.donor_name)) as name
           from donation x
           join fund f on f.id = x.fund_id
           join administrative_unit u on u.id = f.unit_id
           left join donor dn on dn.id = x.donor_id
          where u.path like ? and x.status = 'POSTED' and x.received_on >= ? and x.received_on < ?
       )
       select key,
              case when key = 'anonymous' then null else min(donor_id) end as donor_id,
              case when key = 'anonymous' then null else min(donor_type) end as donor_type,
              case when key = 'anonymous' then null else min(name) end as name,
              count(*)::int as donation_count, sum(amount) as amount
         from gifts group by key order by sum(amount) desc, key limit ${TOP_DONORS}`,
      [...ANONYMOUS_WALK_IN_NAMES, subtree(ctx), from, to],
    );
    return rows.map((r, i) => {
      const anonymous = r.key === 'anonymous';
      const walkIn = String(r.key).startsWith('walkin:');
      return {
        rank: i + 1,
        donorId: anonymous || r.donor_id === null ? undefined : String(r.donor_id),
        name: anonymous ? ANONYMOUS_NAME : String(r.name),
        donorType: anonymous ? DonorType.ANONYMOUS : ((r.donor_type ?? undefined) as DonorType | undefined),
        anonymous,
        walkIn,
        donationCount: num(r.donation_count),
        amount: num(r.amount),
      };
    });
  },

  /** The steps waiting for this user, per step their role may take (the state machines decide). */
  async pending(ctx: SignedInContext): Promise<PendingApprovals> {
    const actor = { id: ctx.user.id, role: ctx.user.role };
    const someoneElse = -1;
    const path = subtree(ctx);
    const disbursementQuery = (status: DisbursementStatus, excludeOwn: boolean) => ({
      sql: `select d.id, d.payee_name || ' — ' || d.purpose as label, d.amount, (d.created_at at time zone 'Asia/Ho_Chi_Minh')::date::text as since, count(*) over () as total
              from disbursement d join fund f on f.id = d.fund_id join administrative_unit u on u.id = f.unit_id
             where u.path like ? and d.status = ?${excludeOwn ? ' and d.created_by_id <> ?' : ''}`,
      params: excludeOwn ? [path, status, ctx.user.id] : [path, status],
      order: 'd.created_at, d.id',
    });
    const housingQuery = (status: HousingGrantStatus) => ({
      sql: `select g.id, h.person_name || ' — ' || u.name_with_type as label, g.amount, g.applied_on::text as since, count(*) over () as total
              from housing_grant g join beneficiary_household h on h.id = g.household_id join administrative_unit u on u.id = g.unit_id
             where u.path like ? and g.status = ?`,
      params: [path, status],
      order: 'g.applied_on, g.id',
    });

    // A role may approve a SUBMITTED disbursement of someone else; four eyes then excludes its own.
    const canApprove = refusal('approve', DisbursementStatus.SUBMITTED, someoneElse, actor) === null;
    const fourEyes = refusal('approve', DisbursementStatus.SUBMITTED, actor.id, actor) !== null;
    const canPay = refusal('pay', DisbursementStatus.APPROVED, someoneElse, actor) === null;
    const readsDisbursements = may(ctx, Permission.DisbursementRead);
    const readsHousing = may(ctx, Permission.HousingRead);
    const [disbursementsToApprove, disbursementsToPay, housingToVerify, housingToApprove, memorialToApprove, surgeryToApprove] = await Promise.all([
      canApprove && readsDisbursements ? pendingGroup(ctx, disbursementQuery(DisbursementStatus.SUBMITTED, fourEyes)) : null,
      canPay && readsDisbursements ? pendingGroup(ctx, disbursementQuery(DisbursementStatus.APPROVED, false)) : null,
      readsHousing && housingGrantMachine.refusal('verify', HousingGrantStatus.APPLIED, actor.role) === null ? pendingGroup(ctx, housingQuery(HousingGrantStatus.APPLIED)) : null,
      readsHousing && housingGrantMachine.refusal('approve', HousingGrantStatus.VERIFIED, actor.role) === null ? pendingGroup(ctx, housingQuery(HousingGrantStatus.VERIFIED)) : null,
      may(ctx, Permission.MemorialRead) && memorialWorkMachine.refusal('approve', MemorialWorkStatus.PLANNED, actor.role) === null
        ? pendingGroup(ctx, {
            sql: `select w.id, w.name || ' — ' || u.name_with_type as label, w.support_amount as amount, (w.created_at at time zone 'Asia/Ho_Chi_Minh')::date::text as since, count(*) over () as total
                    from memorial_work w join administrative_unit u on u.id = w.unit_id
                   where u.path like ? and w.status = ?`,
            params: [path, MemorialWorkStatus.PLANNED],
            order: 'w.created_at, w.id',
          })
        : null,
      // Children's names are masked for some roles: a surgery case is named by its condition and hospital.
      may(ctx, Permission.ChildRead) && surgeryMachine.refusal('approve', SurgeryStatus.REFERRED, actor.role) === null
        ? pendingGroup(ctx, {
            sql: `select s.id, s.condition::text || ' — ' || s.hospital as label, s.total_cost as amount, s.referred_on::text as since, count(*) over () as total
                    from surgery_case s join child ch on ch.id = s.child_id join administrative_unit u on u.id = ch.unit_id
                   where u.path like ? and s.status = ?`,
            params: [path, SurgeryStatus.REFERRED],
            order: 's.referred_on, s.id',
          })
        : null,
    ]);
    return { disbursementsToApprove, disbursementsToPay, housingToVerify, housingToApprove, memorialToApprove, surgeryToApprove };
  },

  async recentTransactions(ctx: SignedInContext): Promise<RecentTransaction[] | null> {
    if (!may(ctx, Permission.LedgerRead)) return null;
    const rows = await ctx.em.execute<Row[]>(
      `select t.id, t.fund_id, f.name as fund_name, t.occurred_on::text as occurred_on, t.kind, t.description,
              coalesce((select sum(e.amount) from ledger_entry e join ledger_account a on a.id = e.account_id
                         where e.transaction_id = t.id and a.code in ('CASH', 'GOODS')), 0) as amount
         from ledger_transaction t join fund f on f.id = t.fund_id join administrative_unit u on u.id = f.unit_id
        where u.path like ? order by t.id desc limit ${RECENT}`,
      [subtree(ctx)],
    );
    return rows.map((r) => ({
      id: String(r.id),
      fundId: String(r.fund_id),
      fundName: String(r.fund_name),
      occurredOn: String(r.occurred_on),
      kind: String(r.kind),
      amount: num(r.amount),
      description: String(r.description),
    }));
  },

  async auditEvents(ctx: SignedInContext): Promise<AuditEvent[] | null> {
    if (!may(ctx, Permission.AuditRead)) return null;
    return ctx.em.find(AuditEvent, { unitPath: { $like: subtree(ctx) } }, { orderBy: { at: 'desc', id: 'desc' }, limit: RECENT });
  },
};

/** One statement: the oldest few records waiting and, on each row, how many wait in all (the window counts before the limit). */
async function pendingGroup(ctx: SignedInContext, query: { sql: string; params: unknown[]; order: string }): Promise<PendingGroup> {
  const rows = await ctx.em.execute<Row[]>(`${query.sql} order by ${query.order} limit ${PENDING_ITEMS}`, query.params);
  return {
    count: num(rows[0]?.total),
    items: rows.map((r) => ({ id: String(r.id), label: String(r.label), amount: r.amount === null ? undefined : num(r.amount), since: String(r.since) })),
  };
}
