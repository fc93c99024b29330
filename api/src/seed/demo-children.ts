import type { EntityManager } from '@mikro-orm/postgresql';
import { todayVn } from '../common/dates';
import { DisbursementCategory as C, DisbursementStatus as D, ProjectType } from '../modules/disbursements/disbursement.entity';
import { GiftForm, GiftOccasion, GiftRecipientStatus as G } from '../modules/children/gift.entity';
import { yearsBefore } from '../modules/children/child.service';
import { SurgeryCondition, SurgeryStatus as S } from '../modules/children/support.entity';
import { AccountCode } from '../modules/ledger/ledger.entities';
import { insertRows } from '../modules/ledger/ledger.bulk';
import { FundingSource as F } from '../modules/projects/project.entities';
import { UnitLevel } from '../modules/units/unit.entity';
import { DemoPayments, type DemoStaff } from './demo-payments';
import { addDays, Random } from './random';

/**
 * Demo support of the Child Protection Fund (DESIGN §2, "Children"): about 2,400 children in
 * special circumstances across the communes; Tết and 1 June gift campaigns every year since 2015
 * (one batch each, paid through the ledger, a few gifts returned); scholarships paid per term; tens
 * of surgeries a year by condition. About 1 billion đồng a year, within what the fund raises.
 */
export interface DemoChildren {
  children: number;
  campaigns: number;
  scholarships: number;
  surgeries: number;
}

const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Đinh', 'Mai', 'Trịnh'];
const boys = ['Văn An', 'Minh Khang', 'Đức Anh', 'Gia Huy', 'Quốc Bảo', 'Hoàng Nam', 'Tuấn Kiệt', 'Văn Long', 'Minh Quân', 'Đăng Khoa'];
const girls = ['Thị Hoa', 'Ngọc Anh', 'Thu Trang', 'Bảo Ngọc', 'Khánh Linh', 'Thị Mai', 'Phương Thảo', 'Hà My', 'Minh Thư', 'Thị Lan'];
const guardians = ['Văn Bình', 'Thị Hằng', 'Văn Thắng', 'Thị Nga', 'Văn Sơn', 'Thị Huệ'];
const circumstances: [string, number][] = [
  ['DISABLED', 30], ['SERIOUS_ILLNESS_POOR', 25], ['ORPHAN_BOTH', 12], ['NO_CARETAKER', 10], ['DROPPED_OUT_TO_WORK', 5], ['ABANDONED', 4], ['HIV_AIDS', 3], ['VIOLENCE_VICTIM', 3], ['MIGRANT_REFUGEE', 1],
];
const hospitals: Record<SurgeryCondition, string> = {
  [SurgeryCondition.CONGENITAL_HEART]: 'Bệnh viện Nhi Trung ương',
  [SurgeryCondition.EYE]: 'Bệnh viện Mắt Trung ương',
  [SurgeryCondition.CLEFT_LIP_PALATE]: 'Bệnh viện Răng Hàm Mặt Trung ương',
  [SurgeryCondition.MOTOR_DISABILITY]: 'Bệnh viện Chỉnh hình và Phục hồi chức năng',
  [SurgeryCondition.OTHER]: 'Bệnh viện Đa khoa tỉnh Nam Định',
};

export async function seedDemoChildren(em: EntityManager, staff: DemoStaff): Promise<DemoChildren> {
  const today = todayVn();
  const thisYear = Number(today.slice(0, 4));
  const [fund] = await em.execute<{ id: number; unit_id: number }[]>("select id, unit_id from fund where kind = 'CHILD_PROTECTION' order by id limit 1");
  if (!fund) return { children: 0, campaigns: 0, scholarships: 0, surgeries: 0 };
  const known = new Set((await em.execute<{ code: string }[]>('select code from child_circumstance')).map((c) => c.code));
  const weights = circumstances.filter(([code]) => known.has(code));
  const communes = await em.execute<{ id: number; name_with_type: string }[]>("select id, name_with_type from administrative_unit where level = ? order by id", [UnitLevel.COMMUNE]);
  const r = new Random('children');
  const pick = (): string => {
    let n = r.int(1, weights.reduce((s, [, w]) => s + w, 0));
    for (const [code, w] of weights) if ((n -= w) <= 0) return code;
    return weights[0]![0];
  };

  // Children born 1999–2025: each year's campaigns find those still under 16.
  const childIds = (await em.execute<{ id: string }[]>("select nextval('child_id_seq') as id from generate_series(1, 2400)")).map((x) => Number(x.id));
  const children = childIds.map((id, i) => {
    const girl = r.chance(0.5);
    const commune = communes[r.int(0, communes.length - 1)]!;
    const birth = addDays(`${1999 + Math.floor((i * 27) / childIds.length)}-01-01`, r.int(0, 364));
    return { id, girl, commune, birth, name: `${r.pick(families)} ${r.pick(girl ? girls : boys)}`, circumstance: pick() };
  }).filter((c) => c.birth <= today);
  await insertRows(
    em,
    'child',
    ['id', 'full_name', 'birth_date', 'gender', 'unit_id', 'circumstance_code', 'guardian_name', 'guardian_phone', 'address', 'created_by_id', 'created_at'],
    children.map((c) => [c.id, c.name, c.birth, c.girl ? 'FEMALE' : 'MALE', c.commune.id, c.circumstance, `${c.name.split(' ')[0]} ${r.pick(guardians)}`, `09${r.int(10_000_000, 99_999_999)}`, `Xóm ${r.int(1, 15)}, ${c.commune.name_with_type}`, staff.officer, `${addDays(c.birth, 30) > today ? today : addDays(c.birth, 30)}T08:00:00+07:00`]),
    3000,
  );

  const book = await DemoPayments.load(em, staff, 6_000);
  const campaigns: unknown[][] = [];
  const recipients: unknown[][] = [];
  const returns: { index: number; lines: number[] }[] = [];
  const campaignIds = (await em.execute<{ id: string }[]>("select nextval('gift_campaign_id_seq') as id from generate_series(1, 40)")).map((x) => Number(x.id));
  let nextCampaign = 0;
  const under16 = (birth: string, on: string) => birth > yearsBefore(on, 16) && birth <= on;

  // 1. Tết and 1 June every year: a third of the communes in turn, 300–500 thousand đồng a child.
  for (let year = 2015; year <= thisYear; year += 1) {
    for (const [occasion, date, label] of [[GiftOccasion.TET, `${year}-01-25`, 'Quà Tết'], [GiftOccasion.CHILDREN_DAY, `${year}-05-30`, 'Quà Tết Thiếu nhi 1/6']] as const) {
      if (date > today) continue;
      const id = campaignIds[nextCampaign++]!;
      const part = (year * 2 + (occasion === GiftOccasion.TET ? 0 : 1)) % 3;
      const units = communes.filter((_, i) => i % 3 === part).map((c) => c.id);
      const chosen = new Set(units);
      const kids = children.filter((c) => chosen.has(c.commune.id) && under16(c.birth, date) && c.circumstance !== 'DROPPED_OUT_TO_WORK');
      const amount = year < 2020 ? 300_000 : year < 2024 ? 400_000 : 500_000;
      const total = kids.length * amount;
      if (kids.length === 0 || book.available(fund.id, C.CHILD_GIFT) < total) continue;
      campaigns.push([id, fund.id, `${label} năm ${year} cho trẻ em có hoàn cảnh đặc biệt`, occasion, date, GiftForm.CASH, amount, null, JSON.stringify(units.map(String)), '[]', null, `demo-gift-${id}`, staff.payer, `${addDays(date, -20)}T08:00:00+07:00`]);
      const batch = book.add({
        fundId: fund.id, amount: total, category: C.CHILD_GIFT, payee: `Danh sách ${kids.length} trẻ em nhận quà`, purpose: `${label} năm ${year}: ${kids.length} suất`,
        type: ProjectType.GIFT_CAMPAIGN, projectId: id, on: addDays(date, -3), status: D.PAID,
      });
      const returned: number[] = [];
      for (const kid of kids) {
        const back = r.chance(0.01);
        if (back) returned.push(recipients.length);
        recipients.push([id, kid.id, batch, kid.commune.id, amount, back ? G.RETURNED : G.HANDED_OVER, addDays(date, back ? 14 : r.int(0, 3)), back ? 'Gia đình chuyển đi nơi khác, không nhận được quà' : null]);
      }
      if (returned.length) {
        const index = book.post({
          fundId: fund.id, kind: 'GIFT_RETURN', occurredOn: addDays(date, 14), description: `Hoàn quỹ ${returned.length} suất quà không trao được, ${label} năm ${year}`, sourceType: 'gift_campaign', sourceId: id, createdById: staff.payer,
          lines: [{ code: AccountCode.CASH, amount: returned.length * amount }, { code: AccountCode.EXPENSE, purpose: C.CHILD_GIFT, amount: -returned.length * amount }],
        });
        returns.push({ index, lines: returned });
      }
    }
  }

  // 2. Scholarships: about 50 pupils a school year, 1.5–2 million đồng a term, two terms.
  const scholarships: unknown[][] = [];
  const scholarshipIds = (await em.execute<{ id: string }[]>("select nextval('scholarship_id_seq') as id from generate_series(1, 700)")).map((x) => Number(x.id));
  let nextScholarship = 0;
  for (let year = 2015; year <= thisYear; year += 1) {
    const start = `${year}-09-05`;
    if (start > today) continue;
    const pupils = children.filter((c) => under16(c.birth, start) && c.birth < yearsBefore(start, 6)).filter(() => r.chance(0.06)).slice(0, 55);
    for (const kid of pupils) {
      const id = scholarshipIds[nextScholarship++];
      if (id === undefined) break;
      const perTerm = r.pick([1_500_000, 2_000_000]);
      scholarships.push([id, kid.id, fund.id, `${year}-${year + 1}`, `Trường ${kid.birth < yearsBefore(start, 11) ? 'THCS' : 'Tiểu học'} ${kid.commune.name_with_type.replace(/^(Xã|Phường|Thị trấn) /, '')}`, null, perTerm, 2, `HB-${year}/${id}`, staff.officer, `${start}T08:00:00+07:00`]);
      for (const [term, on] of [[1, `${year}-10-15`], [2, `${year + 1}-02-20`]] as const) {
        if (on > today) continue;
        if (book.available(fund.id, C.SCHOLARSHIP) < perTerm) continue;
        book.add({ fundId: fund.id, amount: perTerm, category: C.SCHOLARSHIP, payee: `Phụ huynh em ${kid.name}`, purpose: `Học bổng học kỳ ${term} năm học ${year}-${year + 1}`, type: ProjectType.SCHOLARSHIP, projectId: id, on, status: D.PAID });
      }
    }
  }

  // 3. Surgery: 20–35 cases a year by condition; the fund pays 10–50 million, sponsors and families the rest.
  const surgeries: unknown[][] = [];
  const lines: unknown[][] = [];
  const events: unknown[][] = [];
  const surgeryIds = (await em.execute<{ id: string }[]>("select nextval('surgery_case_id_seq') as id from generate_series(1, 400)")).map((x) => Number(x.id));
  let nextSurgery = 0;
  const conditions: [SurgeryCondition, number][] = [[SurgeryCondition.CONGENITAL_HEART, 35], [SurgeryCondition.EYE, 20], [SurgeryCondition.CLEFT_LIP_PALATE, 20], [SurgeryCondition.MOTOR_DISABILITY, 15], [SurgeryCondition.OTHER, 10]];
  for (let year = 2015; year <= thisYear; year += 1) {
    const count = r.int(20, 35);
    for (let i = 0; i < count; i += 1) {
      const referredOn = addDays(`${year}-01-15`, r.int(0, 330));
      if (referredOn > today) continue;
      const kid = r.pick(children.filter((c) => under16(c.birth, referredOn)));
      const id = surgeryIds[nextSurgery++];
      if (!kid || id === undefined) continue;
      let n = r.int(1, 100);
      const condition = conditions.find(([, w]) => (n -= w) <= 0)?.[0] ?? SurgeryCondition.OTHER;
      const total = condition === SurgeryCondition.CONGENITAL_HEART ? r.amount(60_000_000, 180_000_000, 1_000_000) : r.amount(8_000_000, 40_000_000, 500_000);
      const support = Math.min(50_000_000, Math.floor((total * (0.3 + r.next() * 0.3)) / 500_000) * 500_000);
      const age = (Date.parse(today) - Date.parse(referredOn)) / 86_400_000;
      const status = age > 200 ? S.CLOSED : age > 120 ? S.FOLLOW_UP : age > 60 ? S.OPERATED : age > 20 ? S.APPROVED : S.REFERRED;
      const steps: [string, S, number][] = [['approve', S.APPROVED, r.int(7, 15)], ['operate', S.OPERATED, r.int(15, 40)], ['followUp', S.FOLLOW_UP, r.int(20, 40)], ['close', S.CLOSED, r.int(60, 90)]];
      const order = [S.REFERRED, S.APPROVED, S.OPERATED, S.FOLLOW_UP, S.CLOSED];
      const reached = order.indexOf(status);
      let on = referredOn;
      let from: S = S.REFERRED;
      events.push([ProjectType.SURGERY_CASE, id, 'refer', null, S.REFERRED, referredOn, null, `Giới thiệu điều trị tại ${hospitals[condition]}`, staff.officer, `${referredOn}T15:00:00+07:00`]);
      let operatedOn: string | null = null;
      const funded = reached >= 1 && book.available(fund.id, C.SURGERY) >= support;
      for (let s = 0; s < reached; s += 1) {
        const [action, to, days] = steps[s]!;
        on = addDays(on, days) > today ? today : addDays(on, days);
        if (to === S.OPERATED) operatedOn = on;
        events.push([ProjectType.SURGERY_CASE, id, action, from, to, on, action === 'approve' ? `QĐ-BTTE ${id}/${year}` : null, null, staff.officer, `${on}T15:00:00+07:00`]);
        from = to;
        if (action === 'approve' && funded) {
          lines.push([ProjectType.SURGERY_CASE, id, F.FUND, fund.id, null, support]);
          const sponsor = Math.floor(((total - support) * 0.6) / 500_000) * 500_000;
          if (sponsor > 0) lines.push([ProjectType.SURGERY_CASE, id, F.SPONSOR, null, r.pick(['Quỹ Trái tim cho em', 'Tổ chức Operation Smile', 'Quỹ Hỗ trợ bệnh nhân nghèo']), sponsor]);
          if (total - support - sponsor > 0) lines.push([ProjectType.SURGERY_CASE, id, F.FAMILY, null, 'Gia đình và bảo hiểm y tế', total - support - sponsor]);
          book.add({ fundId: fund.id, amount: support, category: C.SURGERY, payee: hospitals[condition], purpose: `Hỗ trợ phẫu thuật cho em ${kid.name}`, type: ProjectType.SURGERY_CASE, projectId: id, on, status: reached >= 2 ? D.PAID : D.SUBMITTED });
        }
      }
      if (reached >= 1 && !funded) continue;
      surgeries.push([id, kid.id, fund.id, condition, hospitals[condition], total, funded ? support : 0, status, referredOn, operatedOn, null, staff.officer, `${referredOn}T08:00:00+07:00`]);
    }
  }

  await insertRows(em, 'gift_campaign', ['id', 'fund_id', 'name', 'occasion', 'gift_date', 'form', 'amount_per_child', 'package_description', 'unit_ids', 'circumstances', 'max_age', 'idempotency_key', 'created_by_id', 'created_at'], campaigns, 500);
  await insertRows(em, 'scholarship', ['id', 'child_id', 'fund_id', 'school_year', 'school', 'grade', 'amount_per_term', 'terms', 'decision_number', 'created_by_id', 'created_at'], scholarships, 3000);
  const kept = new Set(surgeries.map((s) => s[0]));
  await insertRows(em, 'surgery_case', ['id', 'child_id', 'fund_id', 'condition', 'hospital', 'total_cost', 'fund_support', 'status', 'referred_on', 'operated_on', 'note', 'created_by_id', 'created_at'], surgeries, 2000);
  await insertRows(em, 'funding_line', ['project_type', 'project_id', 'source', 'fund_id', 'note', 'amount'], lines.filter((l) => kept.has(l[1])), 3000);
  await insertRows(em, 'project_event', ['project_type', 'project_id', 'action', 'from_status', 'to_status', 'occurred_on', 'document', 'note', 'actor_id', 'at'], events.filter((e) => kept.has(e[1])), 3000);
  const returnTx = await book.write();
  for (const { index, lines: returned } of returns) for (const i of returned) recipients[i]!.push(returnTx[index]);
  const withTx = recipients.map((row) => (row.length === 9 ? row : [...row, null]));
  await insertRows(em, 'gift_recipient', ['campaign_id', 'child_id', 'disbursement_id', 'unit_id', 'amount', 'status', 'closed_on', 'return_reason', 'return_transaction_id'], withTx, 5000);
  return { children: children.length, campaigns: campaigns.length, scholarships: scholarships.length, surgeries: surgeries.length };
}
