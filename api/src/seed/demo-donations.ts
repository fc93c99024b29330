import type { EntityManager } from '@mikro-orm/postgresql';
import { ProgramCategory } from '../common/categories';
import { todayVn } from '../common/dates';
import { publicSlugBase } from '../modules/campaigns/campaign.public';
import { DonationMethod } from '../modules/donations/donation.entity';
import { ANONYMOUS_NAME } from '../modules/donors/donor.service';
import { DonorType } from '../modules/donors/donor.entity';
import { FundKind } from '../modules/funds/fund.entity';
import { AccountCode } from '../modules/ledger/ledger.entities';
import { bulkPost, insertRows } from '../modules/ledger/ledger.bulk';
import type { Posting } from '../modules/ledger/ledger.service';
import type { DemoChildren } from './demo-children';
import type { DemoProjects } from './demo-projects';
import { UnitLevel } from '../modules/units/unit.entity';
import { addDays, Random } from './random';
import { DISTRICTS_LAST_DAY } from './units';

/**
 * Demo donations that look like Nam Định's (DESIGN §2): about 34 billion đồng to the Gratitude
 * funds of the three levels over 2015–2020, the drive peaking 28/6–27/7, continuing to today;
 * the Child Protection Fund raising 1.8–2.3 billion a year with Tết and 1 June peaks; a donor mix
 * of enterprises, agencies, organisations, individuals and anonymous givers; some earmarked and
 * in-kind gifts; a few voided receipts. Deterministic: one seeded random stream per fund.
 * The districts end on 30/6/2025 (DISTRICTS_LAST_DAY): their drives stop with 2024's and what they
 * would have received afterwards is received by the province's Gratitude fund.
 */
const FIRST_YEAR = 2015;

const enterpriseNames = [
  'Dệt may Nam Định', 'Xây dựng Thành Nam', 'Thương mại Vị Hoàng', 'Vận tải Sông Đào', 'Thực phẩm Hải Hậu', 'Cơ khí Ý Yên',
  'Đúc đồng Tống Xá', 'Muối Bạch Long', 'Gạo thơm Hải Hậu', 'Dược phẩm Nam Hà', 'Bia Nam Định', 'Điện lực Nam Định',
  'Cấp nước Nam Định', 'Vật liệu xây dựng Nghĩa Hưng', 'Thủy sản Giao Thủy', 'May xuất khẩu Trực Ninh', 'Gỗ mỹ nghệ La Xuyên',
  'Xăng dầu Hà Nam Ninh', 'Bánh nhãn Hải Hậu', 'Chè kho Ý Yên', 'Du lịch Quất Lâm', 'Cảng Hải Thịnh', 'Đóng tàu Xuân Trường',
  'Nông sản Mỹ Lộc', 'Bất động sản Thiên Trường',
];
const enterpriseForms = ['Công ty TNHH', 'Công ty Cổ phần', 'Doanh nghiệp tư nhân', 'Hợp tác xã'];
const banks = ['Ngân hàng TMCP Công Thương Việt Nam - Chi nhánh Nam Định', 'Ngân hàng Nông nghiệp và Phát triển Nông thôn - Chi nhánh Nam Định', 'Ngân hàng TMCP Đầu tư và Phát triển - Chi nhánh Nam Định', 'Ngân hàng TMCP Ngoại thương - Chi nhánh Nam Định'];
const agencies = [
  'Sở Lao động - Thương binh và Xã hội', 'Sở Tài chính', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh',
  'Kho bạc Nhà nước tỉnh', 'Cục Thuế tỉnh', 'Sở Xây dựng', 'Sở Nông nghiệp và Phát triển nông thôn', 'Văn phòng UBND tỉnh', 'Bảo hiểm xã hội tỉnh',
];
const organisations = [
  'Hội Chữ thập đỏ tỉnh', 'Hội Cựu chiến binh tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh', 'Tỉnh đoàn Nam Định', 'Liên đoàn Lao động tỉnh',
  'Hội Doanh nhân trẻ tỉnh', 'Hội Nông dân tỉnh', 'Mặt trận Tổ quốc tỉnh', 'Hội Khuyến học tỉnh', 'Câu lạc bộ Doanh nhân Nam Định tại Hà Nội',
];
const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Đinh', 'Mai', 'Trịnh', 'Lưu'];
const middles = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hữu', 'Ngọc', 'Quang', 'Thanh', 'Xuân'];
const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thắng', 'Thảo', 'Trang', 'Tuấn', 'Yến', 'Khánh', 'Hương'];
const inKindGoods = ['Gạo (500 kg)', 'Quà Tết (100 suất)', 'Sữa và đồ dùng học tập', 'Vật liệu xây dựng: xi măng, thép', 'Chăn màn, áo ấm (200 bộ)', 'Xe lăn (10 chiếc)'];
const voidReasons = ['Ghi nhầm số tiền', 'Trùng với chứng từ ngân hàng đã ghi', 'Ghi nhầm quỹ nhận', 'Nhà tài trợ chuyển nhầm tài khoản, đã hoàn trả'];

interface DonorRow {
  id: number;
  type: DonorType;
  name: string;
  unitId: number;
}

interface FundRow {
  id: number;
  kind: FundKind;
  level: UnitLevel;
  unitId: number;
  unitCode: string;
  unitName: string;
}

interface Gift {
  id: number;
  fund: FundRow;
  donor: DonorRow | null;
  donorName: string;
  amount: number;
  receivedOn: string;
  method: DonationMethod;
  inKindDescription: string | null;
  earmark: ProgramCategory | null;
  campaignId: number | null;
  pledgeId: number | null;
  createdById: number;
  voidOn: string | null;
  voidReason: string | null;
}

const personName = (r: Random) => `${r.pick(families)} ${r.pick(middles)} ${r.pick(givens)}`;

/** Yearly totals, in đồng: 34 billion over 2015–2020 for the Gratitude funds, split 40/25/35 by level. */
function yearlyBudget(fund: FundRow, year: number, r: Random): number {
  const growth = year <= 2020 ? 1 : 1 + (year - 2020) * 0.04;
  const noise = 0.8 + r.next() * 0.4;
  if (fund.kind === FundKind.CHILD_PROTECTION) return r.int(1_800, 2_300) * 1_000_000;
  const perYear = { [UnitLevel.PROVINCE]: 13_600_000_000 / 6, [UnitLevel.DISTRICT]: 8_500_000_000 / 60, [UnitLevel.COMMUNE]: 11_900_000_000 / 1356 }[fund.level];
  return Math.round(perYear * growth * noise);
}

function giftDate(fund: FundRow, year: number, r: Random): string {
  if (fund.kind === FundKind.GRATITUDE && r.chance(0.55)) return addDays(`${year}-06-28`, r.int(0, 29));
  if (fund.kind === FundKind.CHILD_PROTECTION && r.chance(0.5)) return r.chance(0.5) ? addDays(`${year}-01-05`, r.int(0, 35)) : addDays(`${year}-05-10`, r.int(0, 21));
  return addDays(`${year}-01-01`, r.int(0, 364));
}

export interface DemoActivity {
  donations: number;
  disbursements?: number;
  projects?: DemoProjects;
  children?: DemoChildren;
  /** The demo's succession event (the end of the districts on 1/7/2025). */
  reform?: { eventId: number; districts: number };
  voided: number;
  donors: number;
  campaigns: number;
  pledges: number;
}

export async function seedDemoDonations(em: EntityManager, users: { province: number; commune13741: number }): Promise<DemoActivity> {
  const today = todayVn();
  const lastYear = Number(today.slice(0, 4));
  const funds = await em.execute<{ id: number; kind: FundKind; level: UnitLevel; unit_id: number; code: string; name_with_type: string }[]>(
    'select f.id, f.kind, u.level, f.unit_id, u.code, u.name_with_type from fund f join administrative_unit u on u.id = f.unit_id order by f.id',
  );
  const fundRows: FundRow[] = funds.map((f) => ({ id: f.id, kind: f.kind, level: f.level, unitId: f.unit_id, unitCode: f.code, unitName: f.name_with_type }));
  const province = fundRows.find((f) => f.level === UnitLevel.PROVINCE && f.kind === FundKind.GRATITUDE)!;

  // Donors on record: the province's enterprises, banks, agencies and organisations, and some individuals in every district.
  const r = new Random('donors');
  const donorRows: [DonorType, string, string | null, string | null, string | null, number][] = [];
  enterpriseNames.forEach((name, i) => donorRows.push([DonorType.ENTERPRISE, `${r.pick(enterpriseForms)} ${name}`, `0600${String(100_000 + i * 37).padStart(6, '0')}`, null, `0228 3${r.int(100_000, 999_999)}`, province.unitId]));
  banks.forEach((name, i) => donorRows.push([DonorType.ENTERPRISE, name, `0100${String(200_000 + i * 11).padStart(6, '0')}-0${String(10 + i)}`, null, null, province.unitId]));
  agencies.forEach((name) => donorRows.push([DonorType.AGENCY, `${name} Nam Định`, null, null, null, province.unitId]));
  organisations.forEach((name) => donorRows.push([DonorType.ORGANISATION, name, null, null, null, province.unitId]));
  const districts = fundRows.filter((f) => f.level === UnitLevel.DISTRICT && f.kind === FundKind.GRATITUDE);
  for (const d of districts) {
    donorRows.push([DonorType.AGENCY, `UBND ${d.unitName}`, null, null, null, d.unitId]);
    for (let i = 0; i < 20; i += 1) donorRows.push([DonorType.INDIVIDUAL, personName(r), null, `036${r.int(100_000_000, 999_999_999)}`, `09${r.int(10_000_000, 99_999_999)}`, d.unitId]);
  }
  donorRows.push([DonorType.ANONYMOUS, 'Nhà hảo tâm ẩn danh', null, null, null, province.unitId]);
  const donorIds = await em.execute<{ id: number }[]>(
    `insert into donor (type, name, tax_code, id_number, phone, unit_id) values ${donorRows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')} returning id`,
    donorRows.flat(),
  );
  const donors: DonorRow[] = donorRows.map(([type, name, , , , unitId], i) => ({ id: donorIds[i]!.id, type, name, unitId }));
  const provinceDonors = donors.filter((d) => d.unitId === province.unitId && d.type !== DonorType.ANONYMOUS);
  const anonymous = donors.find((d) => d.type === DonorType.ANONYMOUS)!;
  const districtDonors = new Map(districts.map((d) => [d.unitId, donors.filter((x) => x.unitId === d.unitId)]));
  const parentDistrict = new Map(
    (await em.execute<{ id: number; parent_id: number }[]>("select id, parent_id from administrative_unit where level = 'COMMUNE'")).map((u) => [u.id, u.parent_id]),
  );

  // Campaigns: the 27/7 drive of the province and of each district every year; the Child Protection Fund's Tết and 1 June drives.
  const campaignRows: [number, string, string, string, number][] = [];
  const cpFund = fundRows.find((f) => f.kind === FundKind.CHILD_PROTECTION)!;
  for (let year = FIRST_YEAR; year <= lastYear; year += 1) {
    if (`${year}-06-28` > today) break;
    campaignRows.push([province.id, `Tháng cao điểm tri ân 27/7 năm ${year}`, `${year}-06-28`, `${year}-07-27`, Math.round(yearlyBudget(province, year, new Random(`t${year}`)) * 0.6)]);
    // A district's drive must end while the district exists: 2025's straddles the abolition, so the province runs it alone.
    if (`${year}-07-27` <= DISTRICTS_LAST_DAY) for (const d of districts) campaignRows.push([d.id, `Tri ân 27/7 năm ${year} - ${d.unitName}`, `${year}-06-28`, `${year}-07-27`, 80_000_000]);
    campaignRows.push([cpFund.id, `Tết vì trẻ em năm ${year}`, `${year}-01-05`, `${year}-02-10`, 900_000_000]);
    campaignRows.push([cpFund.id, `Tháng hành động vì trẻ em năm ${year}`, `${year}-05-10`, `${year}-06-01`, 600_000_000]);
  }
  const campaignIds = await em.execute<{ id: number }[]>(
    `insert into campaign (fund_id, name, starts_on, ends_on, target) values ${campaignRows.map(() => '(?, ?, ?, ?, ?)').join(', ')} returning id`,
    campaignRows.flat(),
  );
  const campaigns = campaignRows.map(([fundId, name, startsOn, endsOn, target], i) => ({ id: campaignIds[i]!.id, fundId, name, startsOn, endsOn, target }));
  // Public pages: this year's provincial drive and the Child Protection Fund's two drives are published;
  // a few of their donors asked not to be named there (decided at insert: a posted donation is never edited).
  const latest = (fundId: number, prefix: string) => campaigns.filter((c) => c.fundId === fundId && c.name.startsWith(prefix)).at(-1);
  const published = new Set([latest(province.id, 'Tháng cao điểm'), latest(cpFund.id, 'Tết'), latest(cpFund.id, 'Tháng hành động')].filter((c) => c !== undefined));
  for (const c of published) {
    await em.execute('update campaign set public_slug = ?, published_at = ?, published_by_id = ? where id = ?', [publicSlugBase(c.name, c.startsOn), `${c.startsOn}T10:00:00+07:00`, users.province, c.id]);
  }
  const publishedIds = new Set([...published].map((c) => c.id));
  const campaignOn = (fundId: number, date: string) => campaigns.find((c) => c.fundId === fundId && c.startsOn <= date && date <= c.endsOn);

  // Pledges at the launch of the province's drive: agencies and enterprises, paid later in parts.
  const pledgeRows: [number, number, number, string, string][] = [];
  const rp = new Random('pledges');
  for (const c of campaigns.filter((x) => x.fundId === province.id)) {
    for (const donor of Array.from({ length: rp.int(5, 9) }, () => rp.pick(provinceDonors.filter((d) => d.type !== DonorType.INDIVIDUAL)))) {
      pledgeRows.push([c.id, donor.id, rp.amount(20_000_000, 300_000_000, 5_000_000), c.endsOn, 'Đăng ký tại lễ phát động']);
    }
  }
  const pledgeIds = await em.execute<{ id: number }[]>(
    `insert into pledge (campaign_id, donor_id, amount, due_on, note) values ${pledgeRows.map(() => '(?, ?, ?, ?, ?)').join(', ')} returning id`,
    pledgeRows.flat(),
  );
  const pledges = pledgeRows.map(([campaignId, donorId, amount, dueOn], i) => ({ id: pledgeIds[i]!.id, campaignId, donorId, amount, dueOn }));

  // The donations, fund by fund and year by year.
  const gifts: Omit<Gift, 'id'>[] = [];
  const creator = (f: FundRow) => (f.unitCode === '13741' ? users.commune13741 : users.province);
  for (const p of pledges) {
    const rr = new Random(`pledge${p.id}`);
    const campaign = campaigns.find((c) => c.id === p.campaignId)!;
    const donor = donors.find((d) => d.id === p.donorId)!;
    const recent = campaign.endsOn >= addDays(today, -400);
    const share = recent && rr.chance(0.5) ? rr.int(30, 70) / 100 : 1;
    const parts = rr.int(1, 3);
    for (let i = 0; i < parts; i += 1) {
      const receivedOn = addDays(campaign.startsOn, rr.int(3, 45));
      if (receivedOn > today) continue;
      gifts.push({
        fund: province, donor, donorName: donor.name, amount: Math.round((p.amount * share) / parts / 1000) * 1000, receivedOn, method: DonationMethod.BANK_TRANSFER,
        inKindDescription: null, earmark: null, campaignId: campaign.id, pledgeId: p.id, createdById: users.province, voidOn: null, voidReason: null,
      });
    }
  }
  // Pledged payments count towards the province fund's yearly total.
  const pledgedPaid = new Map<string, number>();
  for (const g of gifts) pledgedPaid.set(g.receivedOn.slice(0, 4), (pledgedPaid.get(g.receivedOn.slice(0, 4)) ?? 0) + g.amount);
  for (const fund of fundRows) {
    for (let year = FIRST_YEAR; year <= lastYear; year += 1) {
      const rr = new Random(`fund${fund.id}-${year}`);
      let left = yearlyBudget(fund, year, rr) - (fund.id === province.id ? (pledgedPaid.get(String(year)) ?? 0) : 0);
      while (left > 0) {
        const receivedOn = giftDate(fund, year, rr);
        if (receivedOn > today) {
          left -= 1_000_000;
          continue;
        }
        let donor: DonorRow | null = null;
        let amount: number;
        if (fund.level === UnitLevel.COMMUNE) {
          amount = rr.chance(0.1) ? rr.amount(2_000_000, 10_000_000) : rr.amount(100_000, 2_000_000);
          const local = districtDonors.get(parentDistrict.get(fund.unitId) ?? -1) ?? [];
          if (local.length && rr.chance(0.2)) donor = rr.pick(local);
        } else if (fund.level === UnitLevel.DISTRICT) {
          amount = rr.amount(1_000_000, 40_000_000);
          if (rr.chance(0.6)) donor = rr.pick(districtDonors.get(fund.unitId) ?? provinceDonors);
        } else {
          amount = rr.amount(2_000_000, 250_000_000, 500_000);
          donor = rr.chance(0.05) ? anonymous : rr.pick(provinceDonors);
        }
        amount = Math.min(amount, Math.max(Math.round(left / 1000) * 1000, 100_000));
        left -= amount;
        const method = rr.chance(0.04) ? DonationMethod.IN_KIND : fund.level === UnitLevel.COMMUNE ? (rr.chance(0.85) ? DonationMethod.CASH : DonationMethod.BANK_TRANSFER) : rr.chance(0.7) ? DonationMethod.BANK_TRANSFER : DonationMethod.CASH;
        const earmarks = fund.kind === FundKind.CHILD_PROTECTION ? [ProgramCategory.SURGERY, ProgramCategory.SCHOLARSHIP, ProgramCategory.CHILD_GIFT] : [ProgramCategory.HOUSING_NEW, ProgramCategory.HOUSING_REPAIR, ProgramCategory.MEMORIAL_WORK];
        const voided = rr.chance(0.003);
        // After the abolition a district's givers give to the province's fund; a district's receipt is voided before its books close.
        const receiver = fund.level === UnitLevel.DISTRICT && receivedOn > DISTRICTS_LAST_DAY ? province : fund;
        const voidOn = receiver.level === UnitLevel.DISTRICT && addDays(receivedOn, 3) > DISTRICTS_LAST_DAY ? DISTRICTS_LAST_DAY : addDays(receivedOn, 3);
        gifts.push({
          fund: receiver,
          donor,
          donorName: donor ? donor.name : personName(rr),
          amount,
          receivedOn,
          method,
          inKindDescription: method === DonationMethod.IN_KIND ? rr.pick(inKindGoods) : null,
          earmark: rr.chance(fund.kind === FundKind.CHILD_PROTECTION ? 0.1 : 0.06) ? rr.pick(earmarks) : null,
          campaignId: fund.level === UnitLevel.COMMUNE ? null : (campaignOn(receiver.id, receivedOn)?.id ?? null),
          pledgeId: null,
          createdById: creator(receiver),
          voidOn: voided && voidOn <= today ? voidOn : null,
          voidReason: null,
        });
        const last = gifts[gifts.length - 1]!;
        if (last.voidOn) last.voidReason = rr.pick(voidReasons);
      }
    }
  }

  // Receipt numbers per fund and year in date order; ledger postings per fund in date order.
  gifts.sort((a, b) => a.fund.id - b.fund.id || a.receivedOn.localeCompare(b.receivedOn));
  const ids = (await em.execute<{ id: string }[]>("select nextval('donation_id_seq') as id from generate_series(1, ?)", [gifts.length])).map((x) => Number(x.id));
  const all: Gift[] = gifts.map((g, i) => ({ ...g, id: ids[i]! }));
  const counters = new Map<string, number>();
  const numbers = all.map((g) => {
    const key = `${g.fund.id}|${g.receivedOn.slice(0, 4)}`;
    const seq = (counters.get(key) ?? 0) + 1;
    counters.set(key, seq);
    return { seq, year: Number(g.receivedOn.slice(0, 4)), number: `PT-${g.receivedOn.slice(0, 4)}-${String(seq).padStart(6, '0')}` };
  });
  const events = all.flatMap((g, i) => {
    const lines = [
      { code: g.method === DonationMethod.IN_KIND ? AccountCode.GOODS : AccountCode.CASH, purpose: g.earmark, amount: g.amount },
      { code: g.method === DonationMethod.IN_KIND ? AccountCode.IN_KIND_INCOME : AccountCode.DONATION_INCOME, amount: -g.amount },
    ];
    const base = { fundId: g.fund.id, sourceType: 'donation', sourceId: g.id, createdById: g.createdById };
    const out: { date: string; posting: Posting; gift: number; void: boolean }[] = [
      { date: g.receivedOn, gift: i, void: false, posting: { ...base, kind: 'DONATION', occurredOn: g.receivedOn, description: `${numbers[i]!.number} ${g.donorName}`, lines } },
    ];
    if (g.voidOn) {
      out.push({
        date: g.voidOn,
        gift: i,
        void: true,
        posting: { ...base, kind: 'DONATION_VOID', occurredOn: g.voidOn, description: `Huỷ ${numbers[i]!.number}: ${g.voidReason}`, lines: lines.map((l) => ({ ...l, amount: -l.amount })) },
      });
    }
    return out;
  });
  events.sort((a, b) => a.posting.fundId - b.posting.fundId || a.date.localeCompare(b.date) || Number(a.void) - Number(b.void));
  const txIds = await bulkPost(em, events.map((e) => e.posting));
  const postedTx = new Map<number, number>();
  const voidTx = new Map<number, number>();
  events.forEach((e, i) => (e.void ? voidTx : postedTx).set(e.gift, txIds[i]!));

  await insertRows(
    em,
    'donation',
    ['id', 'fund_id', 'receipt_number', 'receipt_year', 'receipt_seq', 'donor_id', 'donor_name', 'amount', 'received_on', 'method', 'in_kind_description', 'earmark', 'campaign_id', 'pledge_id', 'idempotency_key', 'status', 'void_reason', 'voided_at', 'voided_by_id', 'transaction_id', 'void_transaction_id', 'created_by_id', 'created_at', 'public_anonymous'],
    all.map((g, i) => [
      g.id, g.fund.id, numbers[i]!.number, numbers[i]!.year, numbers[i]!.seq, g.donor?.id ?? null, g.donorName, g.amount, g.receivedOn, g.method, g.inKindDescription, g.earmark,
      g.campaignId, g.pledgeId, `demo-${g.id}`, g.voidOn ? 'VOIDED' : 'POSTED', g.voidReason, g.voidOn ? `${g.voidOn}T09:00:00+07:00` : null, g.voidOn ? g.createdById : null,
      postedTx.get(i), voidTx.get(i) ?? null, g.createdById, `${g.receivedOn}T08:30:00+07:00`,
      g.campaignId !== null && publishedIds.has(g.campaignId) && g.id % 11 === 0 && g.donorName !== ANONYMOUS_NAME,
    ]),
    2500,
  );
  await insertRows(
    em,
    'document_counter',
    ['fund_id', 'doc_type', 'year', 'last_number'],
    [...counters.entries()].map(([key, last]) => [Number(key.split('|')[0]), 'PT', Number(key.split('|')[1]), last]),
    5000,
    'on conflict (fund_id, doc_type, year) do update set last_number = greatest(document_counter.last_number, excluded.last_number)',
  );

  return { donations: all.length, voided: all.filter((g) => g.voidOn).length, donors: donors.length, campaigns: campaigns.length, pledges: pledges.length };
}
