import type { EntityManager } from '@mikro-orm/postgresql';
import { todayVn } from '../common/dates';
import { DisbursementCategory as C, DisbursementStatus as S } from '../modules/disbursements/disbursement.entity';
import { FundKind } from '../modules/funds/fund.entity';
import { AccountCode } from '../modules/ledger/ledger.entities';
import { bulkPost, insertRows } from '../modules/ledger/ledger.bulk';
import type { Posting, PostingLine } from '../modules/ledger/ledger.service';
import { UnitLevel } from '../modules/units/unit.entity';
import { addDays, Random } from './random';
import { DISTRICTS_LAST_DAY } from './units';

/**
 * Demo disbursements (phiếu chi): each fund spends part of what it raises, year by year, on its
 * programs (hardship here; housing and memorial works come with their projects in demo-projects.ts,
 * children's gifts, scholarships and surgery with theirs in demo-children.ts) and a little on administration, within the legal caps; some of this year's are still in the workflow.
 * Spending draws on the money earmarked for its category first, then on the free part, and never
 * more than the fund holds (the bulk ledger path refuses a negative balance anyway).
 * A district fund pays nothing after 30/6/2025 (DISTRICTS_LAST_DAY) and has nothing open: what it
 * holds then goes to the province's fund with the reform, and the province pays the later 27/7 gifts.
 */
const uses: Record<FundKind, { category: C; share: number; min: number; max: number; payee: (r: Random) => string; purpose: string }[]> = {
  // Housing and memorial works are paid as tranches of their projects (demo-projects.ts).
  [FundKind.GRATITUDE]: [
    { category: C.HARDSHIP, share: 0.35, min: 500_000, max: 5_000_000, payee: (r) => `Gia đình ${r.pick(['ông Ngô Văn Bình', 'bà Mai Thị Hoa', 'ông Đinh Văn Phú', 'bà Trịnh Thị Thu'])}`, purpose: 'Thăm hỏi, tặng quà người có công dịp 27/7' },
  ],
  // The Child Protection Fund's gifts, scholarships and surgery come with their campaigns and cases (demo-children.ts).
  [FundKind.CHILD_PROTECTION]: [],
};

interface FundRow {
  id: number;
  kind: FundKind;
  level: UnitLevel;
}

export async function seedDemoDisbursements(em: EntityManager, users: { officer: number; approver: number; payer: number }): Promise<number> {
  const today = todayVn();
  const thisYear = Number(today.slice(0, 4));
  const funds = await em.execute<FundRow[]>("select f.id, f.kind, u.level from fund f join administrative_unit u on u.id = f.unit_id where u.level <> 'COMMUNE' order by f.id");
  const communes = await em.execute<FundRow[]>("select f.id, f.kind, u.level from fund f join administrative_unit u on u.id = f.unit_id where u.level = 'COMMUNE' order by f.id");
  const r = new Random('disbursements');
  const spending = [...funds, ...communes.filter(() => r.chance(0.25))];
  const rows: unknown[][] = [];
  const postings: Posting[] = [];
  const pending: unknown[][] = [];
  const ids = (await em.execute<{ id: string }[]>("select nextval('disbursement_id_seq') as id from generate_series(1, 20000)")).map((x) => Number(x.id));
  let next = 0;

  for (const fund of spending) {
    const rr = new Random(`spend${fund.id}`);
    const balances = new Map<string, number>(
      (await em.execute<{ purpose: string | null; balance: string }[]>("select purpose, balance from ledger_account where fund_id = ? and code = 'CASH'", [fund.id])).map((b) => [b.purpose ?? '', Number(b.balance)]),
    );
    const receipts = await em.execute<{ year: number; total: string }[]>(
      "select extract(year from received_on)::int as year, sum(amount) as total from donation where fund_id = ? and status = 'POSTED' and method <> 'IN_KIND' group by 1 order by 1",
      [fund.id],
    );
    let voucher = 0;
    let voucherYear = 0;
    for (const { year, total } of receipts) {
      if (voucherYear !== year) [voucher, voucherYear] = [0, year];
      const budget = Math.floor(Number(total) * (year === thisYear ? 0.3 : 0.7));
      for (const use of uses[fund.kind]) {
        let left = Math.floor(budget * use.share);
        while (left > use.min) {
          const amount = Math.min(rr.amount(use.min, use.max, 500_000), left);
          const free = balances.get('') ?? 0;
          const earmarked = balances.get(use.category) ?? 0;
          if (amount > free + earmarked) break;
          left -= amount;
          const day = addDays(`${year}-${use.category === C.HARDSHIP ? '07-20' : '03-01'}`, rr.int(0, year === thisYear ? 200 : 280));
          const paidOn = day > `${year}-12-28` ? `${year}-12-28` : day;
          if (paidOn > today || (fund.level === UnitLevel.DISTRICT && paidOn > DISTRICTS_LAST_DAY)) continue;
          const fromEarmark = Math.min(amount, earmarked);
          const lines: PostingLine[] = [];
          if (fromEarmark > 0) lines.push({ code: AccountCode.CASH, purpose: use.category, amount: -fromEarmark });
          if (amount > fromEarmark) lines.push({ code: AccountCode.CASH, amount: fromEarmark - amount });
          lines.push({ code: AccountCode.EXPENSE, purpose: use.category, amount });
          balances.set(use.category, earmarked - fromEarmark);
          balances.set('', free - (amount - fromEarmark));
          const id = ids[next++]!;
          voucher += 1;
          const number = `PC-${year}-${String(voucher).padStart(6, '0')}`;
          const payee = use.payee(rr);
          postings.push({ fundId: fund.id, kind: 'DISBURSEMENT', occurredOn: paidOn, description: `${number} ${payee}: ${use.purpose}`, sourceType: 'disbursement', sourceId: id, createdById: users.payer, lines });
          const created = `${addDays(paidOn, -10)}T09:00:00+07:00`;
          rows.push([id, fund.id, number, year, voucher, amount, use.category, payee, use.purpose, S.PAID, users.officer, created, users.officer, created, users.approver, `${addDays(paidOn, -3)}T10:00:00+07:00`, users.payer, paidOn, `demo-pc-${id}`]);
        }
      }
      // Administration: well within the cap (at most 2% of the year's receipts); a district's last year is settled on its last day.
      const admin = Math.floor((Number(total) * 0.02) / 100_000) * 100_000;
      const paidOn = fund.level === UnitLevel.DISTRICT && `${year}-12-20` > DISTRICTS_LAST_DAY ? DISTRICTS_LAST_DAY : `${year}-12-20`;
      if (admin >= 1_000_000 && (balances.get('') ?? 0) >= admin && year < thisYear && paidOn <= today) {
        const id = ids[next++]!;
        voucher += 1;
        const number = `PC-${year}-${String(voucher).padStart(6, '0')}`;
        balances.set('', (balances.get('') ?? 0) - admin);
        postings.push({ fundId: fund.id, kind: 'DISBURSEMENT', occurredOn: paidOn, description: `${number} Văn phòng quỹ: Chi phí quản lý quỹ năm ${year}`, sourceType: 'disbursement', sourceId: id, createdById: users.payer, lines: [{ code: AccountCode.CASH, amount: -admin }, { code: AccountCode.EXPENSE, purpose: C.ADMINISTRATION, amount: admin }] });
        const created = `${addDays(paidOn, -10)}T09:00:00+07:00`;
        rows.push([id, fund.id, number, year, voucher, admin, C.ADMINISTRATION, 'Văn phòng quỹ', `Chi phí quản lý quỹ năm ${year}`, S.PAID, users.officer, created, users.officer, created, users.approver, `${addDays(paidOn, -5)}T10:00:00+07:00`, users.payer, paidOn, `demo-pc-${id}`]);
      }
    }
    if (fund.level === UnitLevel.PROVINCE && uses[fund.kind].length > 0) {
      // This year's work in progress: drafts, submissions waiting for approval, approved ones waiting for payment.
      for (const [status, count] of [[S.DRAFT, 2], [S.SUBMITTED, 4], [S.APPROVED, 2]] as const) {
        for (let i = 0; i < count; i += 1) {
          const use = rr.pick(uses[fund.kind]);
          const id = ids[next++]!;
          pending.push([id, fund.id, rr.amount(use.min, Math.min(use.max, 50_000_000), 500_000), use.category, use.payee(rr), use.purpose, status, users.officer, `demo-pc-${id}`,
            status === S.DRAFT ? null : users.officer, status === S.DRAFT ? null : new Date().toISOString(), status === S.APPROVED ? users.approver : null, status === S.APPROVED ? new Date().toISOString() : null]);
        }
      }
    }
  }
  const txIds = await bulkPost(em, postings);
  const columns = ['id', 'fund_id', 'voucher_number', 'voucher_year', 'voucher_seq', 'amount', 'category', 'payee_name', 'purpose', 'status', 'created_by_id', 'created_at', 'submitted_by_id', 'submitted_at', 'approved_by_id', 'approved_at', 'paid_by_id', 'paid_on', 'idempotency_key', 'transaction_id'];
  await insertRows(em, 'disbursement', columns, rows.map((row, i) => [...row, txIds[i]]), 2500);
  await insertRows(em, 'disbursement', ['id', 'fund_id', 'amount', 'category', 'payee_name', 'purpose', 'status', 'created_by_id', 'idempotency_key', 'submitted_by_id', 'submitted_at', 'approved_by_id', 'approved_at'], pending, 2500);
  await em.execute(
    `insert into document_counter (fund_id, doc_type, year, last_number)
     select fund_id, 'PC', voucher_year, max(voucher_seq) from disbursement where voucher_seq is not null group by 1, 3
     on conflict (fund_id, doc_type, year) do update set last_number = greatest(document_counter.last_number, excluded.last_number)`,
  );
  return rows.length + pending.length;
}
