/**
 * A large, realistic province for benchmarks: Nam Định's units and funds as the demo seed makes them
 * (run `seedDemo(em, { activity: false })` first), then about `size` ledger entries over `years`
 * years: donations (cash, transfer, in kind, earmarked; some voided) from ~100,000 donors and walk-in
 * givers, and disbursements paid by category, written with multi-row INSERTs through bulkPost (the
 * same accounts, hash chain and daily totals as `post()`). Deterministic for given options.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ProgramCategory as C } from '../api/src/common/categories';
import { addDays } from '../api/src/common/dates';
import { bulkPost, insertRows } from '../api/src/modules/ledger/ledger.bulk';
import { AccountCode } from '../api/src/modules/ledger/ledger.entities';
import type { Posting, PostingLine } from '../api/src/modules/ledger/ledger.service';
import { Random } from '../api/src/seed/random';

export interface GenerateOptions {
  /** Ledger entries to write, about (default 1,000,000). */
  entries?: number;
  /** Donors on record (default entries / 10). */
  donors?: number;
  /** Years of history ending with `lastYear` (default 10). */
  years?: number;
  /** The last year written (default: last year). */
  lastYear?: number;
  seed?: string;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface Generated {
  donations: number;
  disbursements: number;
  donors: number;
  transactions: number;
  entries: number;
}

interface FundRow {
  id: number;
  kind: string;
  level: string;
  unit_id: number;
}

interface Event {
  fund: number;
  date: string;
  order: number;
  posting: Posting;
  row: unknown[];
  type: 'donation' | 'void' | 'disbursement';
  /** Free cash this event takes (disbursement, void) or gives (donation). */
  free: number;
  donation?: number;
}

const categories = [C.HARDSHIP, C.HOUSING_REPAIR, C.HOUSING_NEW, C.MEMORIAL_WORK, C.SCHOLARSHIP];
const donorTypes = ['INDIVIDUAL', 'INDIVIDUAL', 'INDIVIDUAL', 'ENTERPRISE', 'AGENCY', 'ORGANISATION', 'ANONYMOUS'];
const names = ['Nguyễn Văn', 'Trần Thị', 'Lê Văn', 'Phạm Thị', 'Hoàng Văn', 'Vũ Thị', 'Đặng Văn', 'Bùi Thị'];
const given = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hùng', 'Lan', 'Minh', 'Nam', 'Phương', 'Sơn', 'Thảo', 'Tuấn', 'Yến'];

export async function generateProvince(em: EntityManager, options: GenerateOptions = {}): Promise<Generated> {
  const entries = options.entries ?? 1_000_000;
  const years = options.years ?? 10;
  const lastYear = options.lastYear ?? new Date().getFullYear() - 1;
  const donorCount = options.donors ?? Math.round(entries / 10);
  const log = options.log ?? (() => undefined);
  const rr = new Random(options.seed ?? 'bench-province');
  // 2 entries per donation (a few more for voids and earmarks), 2 per disbursement, disbursements 11% of donations.
  const donationsPerYear = Math.round(entries / (2.005 + 2 * 0.11) / years);
  const disbursementsPerYear = Math.round(donationsPerYear * 0.11);

  const funds = await em.execute<FundRow[]>('select f.id, f.kind::text as kind, u.level::text as level, f.unit_id from fund f join administrative_unit u on u.id = f.unit_id order by f.id');
  const [user] = await em.execute<{ id: number }[]>("select id from app_user where role = 'FUND_MANAGER' order by id limit 1");
  const userId = user!.id;
  // Weights: the province's funds raise most; each district and commune a share of the rest.
  const weight = (f: FundRow) => (f.level === 'PROVINCE' ? (f.kind === 'GRATITUDE' ? 200 : 120) : f.level === 'DISTRICT' ? 8 : 1);
  const cumulative: number[] = [];
  funds.reduce((s, f) => (cumulative.push(s + weight(f)), s + weight(f)), 0);
  const pickFund = () => {
    const x = rr.next() * cumulative[cumulative.length - 1]!;
    return funds[cumulative.findIndex((c) => c > x)]!;
  };

  // Donors, spread over the units.
  const units = [...new Set(funds.map((f) => f.unit_id))];
  const donorRows: unknown[][] = [];
  const donorType: string[] = [];
  for (let i = 0; i < donorCount; i += 1) {
    const type = rr.pick(donorTypes);
    donorType.push(type);
    const name = type === 'INDIVIDUAL' ? `${rr.pick(names)} ${rr.pick(given)} ${i}` : type === 'ENTERPRISE' ? `Công ty TNHH số ${i}` : type === 'ANONYMOUS' ? 'Nhà hảo tâm ẩn danh' : `Đơn vị số ${i}`;
    donorRows.push([type, name, rr.pick(units)]);
  }
  const [firstDonor] = await em.execute<{ id: string }[]>("select nextval('donor_id_seq') as id");
  const donorBase = Number(firstDonor!.id);
  await insertRows(em, 'donor', ['id', 'type', 'name', 'unit_id'], donorRows.map((r, i) => [donorBase + i, ...r]), 10000);
  await em.execute(`select setval('donor_id_seq', ?)`, [donorBase + donorCount]);
  log(`donors: ${donorCount.toLocaleString('en')}`);

  const free = new Map<number, number>(funds.map((f) => [f.id, 0]));
  const totals: Generated = { donations: 0, disbursements: 0, donors: donorCount, transactions: 0, entries: 0 };
  for (let year = lastYear - years + 1; year <= lastYear; year += 1) {
    const events: Event[] = [];
    const donationIds = (await em.execute<{ id: string }[]>("select nextval('donation_id_seq') as id from generate_series(1, ?)", [donationsPerYear])).map((x) => Number(x.id));
    const disbursementIds = (await em.execute<{ id: string }[]>("select nextval('disbursement_id_seq') as id from generate_series(1, ?)", [disbursementsPerYear])).map((x) => Number(x.id));
    for (const id of donationIds) {
      const fund = pickFund();
      // The 28/6–27/7 drive brings a third of the year's gifts.
      const date = rr.chance(0.33) ? addDays(`${year}-06-28`, rr.int(0, 29)) : addDays(`${year}-01-01`, rr.int(0, 364));
      const method = rr.chance(0.05) ? 'IN_KIND' : rr.chance(0.4) ? 'BANK_TRANSFER' : 'CASH';
      const earmark = method !== 'IN_KIND' && rr.chance(0.1) ? rr.pick(categories) : null;
      const donor = rr.chance(0.7) ? donorBase + rr.int(0, donorCount - 1) : null;
      const amount = rr.amount(100_000, fund.level === 'PROVINCE' ? 200_000_000 : 20_000_000, 50_000);
      const inKind = method === 'IN_KIND';
      const lines: PostingLine[] = [
        { code: inKind ? AccountCode.GOODS : AccountCode.CASH, purpose: earmark, amount },
        { code: inKind ? AccountCode.IN_KIND_INCOME : AccountCode.DONATION_INCOME, amount: -amount },
      ];
      const donorName = donor === null ? `${rr.pick(names)} ${rr.pick(given)}` : donorType[donor - donorBase] === 'ANONYMOUS' ? 'Ẩn danh' : `Nhà hảo tâm ${donor}`;
      const base = { fundId: fund.id, sourceType: 'donation', sourceId: id, createdById: userId };
      const row = [id, fund.id, donor, donorName, amount, date, method, inKind ? 'Hiện vật' : null, earmark, `bench-${id}`, userId, `${date}T08:30:00+07:00`];
      events.push({ fund: fund.id, date, order: 0, type: 'donation', free: inKind || earmark ? 0 : amount, donation: id, row, posting: { ...base, kind: 'DONATION', occurredOn: date, description: `Phiếu thu ${donorName}`, lines } });
      if (!inKind && !earmark && rr.chance(0.005)) {
        const voidOn = addDays(date, rr.int(0, 20)) > `${year}-12-31` ? `${year}-12-31` : addDays(date, rr.int(0, 20));
        events.push({
          fund: fund.id, date: voidOn, order: 1, type: 'void', free: -amount, donation: id, row: [],
          posting: { ...base, kind: 'DONATION_VOID', occurredOn: voidOn, description: 'Huỷ phiếu thu: ghi nhầm', lines: lines.map((l) => ({ ...l, amount: -l.amount })) },
        });
      }
    }
    for (const id of disbursementIds) {
      const fund = pickFund();
      const date = addDays(`${year}-02-01`, rr.int(0, 330));
      const category = rr.pick(categories);
      const amount = rr.amount(500_000, fund.level === 'PROVINCE' ? 60_000_000 : 10_000_000, 100_000);
      const lines = [{ code: AccountCode.CASH, amount: -amount }, { code: AccountCode.EXPENSE, purpose: category, amount }];
      events.push({
        fund: fund.id, date, order: 2, type: 'disbursement', free: -amount,
        row: [id, fund.id, amount, category, 'Người nhận hỗ trợ', 'Chi hỗ trợ', 'PAID', userId, `${date}T09:00:00+07:00`, userId, date, `bench-pc-${id}`],
        posting: { fundId: fund.id, kind: 'DISBURSEMENT', occurredOn: date, description: 'Phiếu chi hỗ trợ', sourceType: 'disbursement', sourceId: id, createdById: userId, lines },
      });
    }
    events.sort((a, b) => a.fund - b.fund || a.date.localeCompare(b.date) || a.order - b.order);
    // Never below zero: a payment or void the fund's free cash cannot cover is left out (with a void, its donation stays posted).
    const kept = events.filter((e) => {
      const balance = free.get(e.fund)! + e.free;
      if (balance < 0) return false;
      free.set(e.fund, balance);
      return true;
    });
    const tPost = Date.now();
    const txIds = await bulkPost(em, kept.map((e) => e.posting));
    const postMs = Date.now() - tPost;
    const voided = new Map<number, [number, string]>();
    kept.forEach((e, i) => e.type === 'void' && voided.set(e.donation!, [txIds[i]!, e.date]));
    const counters = new Map<string, number>();
    const next = (fund: number, type: string) => {
      const key = `${fund}|${type}`;
      const seq = (counters.get(key) ?? 0) + 1;
      counters.set(key, seq);
      return seq;
    };
    const donationRows: unknown[][] = [];
    const disbursementRows: unknown[][] = [];
    kept.forEach((e, i) => {
      if (e.type === 'donation') {
        const seq = next(e.fund, 'PT');
        const v = voided.get(e.donation!);
        const [id, fund, donor, donorName, amount, date, method, desc, earmark, key, by, at] = e.row;
        donationRows.push([id, fund, `PT-${year}-${String(seq).padStart(6, '0')}`, year, seq, donor, donorName, amount, date, method, desc, earmark, key,
          v ? 'VOIDED' : 'POSTED', v ? 'Ghi nhầm' : null, v ? `${v[1]}T09:00:00+07:00` : null, v ? by : null, txIds[i], v ? v[0] : null, by, at]);
      } else if (e.type === 'disbursement') {
        const seq = next(e.fund, 'PC');
        disbursementRows.push([...e.row, `PC-${year}-${String(seq).padStart(6, '0')}`, year, seq, txIds[i]]);
      }
    });
    await insertRows(em, 'donation',
      ['id', 'fund_id', 'receipt_number', 'receipt_year', 'receipt_seq', 'donor_id', 'donor_name', 'amount', 'received_on', 'method', 'in_kind_description', 'earmark', 'idempotency_key',
        'status', 'void_reason', 'voided_at', 'voided_by_id', 'transaction_id', 'void_transaction_id', 'created_by_id', 'created_at'], donationRows, 2500);
    await insertRows(em, 'disbursement',
      ['id', 'fund_id', 'amount', 'category', 'payee_name', 'purpose', 'status', 'created_by_id', 'created_at', 'paid_by_id', 'paid_on', 'idempotency_key', 'voucher_number', 'voucher_year', 'voucher_seq', 'transaction_id'],
      disbursementRows, 2500);
    await insertRows(em, 'document_counter', ['fund_id', 'doc_type', 'year', 'last_number'],
      [...counters].map(([key, last]) => [Number(key.split('|')[0]), key.split('|')[1], year, last]), 5000,
      'on conflict (fund_id, doc_type, year) do update set last_number = greatest(document_counter.last_number, excluded.last_number)');
    totals.donations += donationRows.length;
    totals.disbursements += disbursementRows.length;
    totals.transactions += kept.length;
    totals.entries += kept.reduce((s, e) => s + e.posting.lines.length, 0);
    log(`${year}: ${donationRows.length.toLocaleString('en')} donations, ${disbursementRows.length.toLocaleString('en')} disbursements, ${totals.entries.toLocaleString('en')} entries so far (ledger ${postMs} ms)`);
  }
  await em.execute('analyze');
  return totals;
}
