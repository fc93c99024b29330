import type { EntityManager } from '@mikro-orm/postgresql';
import { todayVn } from '../common/dates';
import { DisbursementCategory as C, DisbursementStatus as D, ProjectType } from '../modules/disbursements/disbursement.entity';
import { HouseCondition } from '../modules/households/household.entity';
import { HousingGrantStatus as H, HousingGrantType, HousingProgram } from '../modules/housing/housing-grant.entity';
import { insertRows } from '../modules/ledger/ledger.bulk';
import { MemorialWorkKind as K, MemorialWorkScope as W, MemorialWorkStatus as M } from '../modules/memorial/memorial-work.entity';
import { percentOf } from '../modules/policy/policy-rate.service';
import { FundingSource as F } from '../modules/projects/project.entities';
import { UnitLevel } from '../modules/units/unit.entity';
import { DemoPayments, type DemoPayment, type DemoStaff } from './demo-payments';
import { addDays, Random } from './random';
import { DISTRICTS_LAST_DAY } from './units';

/**
 * Demo housing grants and memorial works that look like Nam Định's (DESIGN §2):
 * - 7,731 households supported under Decision 22/2013 (2014–2019), from the budgets;
 * - 128 new gift houses (nhà tình nghĩa) and 190 repairs from the Gratitude funds (2015–2020),
 *   each paid in two tranches (60% at the start, the rest after the handover minutes) through the ledger;
 * - this year's and last year's applications under Decree 131/2021 and gift houses at every stage,
 *   with tranches waiting in the disbursement workflow;
 * - 40–50 memorial works a year since 2019, within the caps, with progress reports and the
 *   payments of their Gratitude Fund lines.
 * Amounts come from the policy rates in force on each approval date. Deterministic.
 * The districts end on 30/6/2025 (DISTRICTS_LAST_DAY): a district's fund pays only projects closed by
 * then, and a district-scale work not settled by then is the province's work, so that nothing of a
 * district is dated after that day or left open for the reform to block on.
 */
export interface DemoProjects {
  households: number;
  grants: number;
  works: number;
  payments: number;
}

interface Unit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  path: string;
}

interface Rate {
  code: string;
  amount: number | null;
  percent: number | null;
  from: string;
  to: string | null;
  id: number;
}

const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Đinh', 'Mai', 'Trịnh', 'Lưu', 'Phan', 'Cao', 'Tạ'];
const menMiddle = ['Văn', 'Đức', 'Hữu', 'Quang', 'Xuân', 'Công', 'Đình', 'Minh'];
const womenMiddle = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh'];
const menGiven = ['Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Long', 'Nam', 'Phúc', 'Sơn', 'Thắng', 'Tuấn', 'Tịnh', 'Sửu', 'Đạo', 'Thân', 'Khải', 'Lộc', 'Vinh'];
const womenGiven = ['Hà', 'Hạnh', 'Hoa', 'Lan', 'Mai', 'Nga', 'Tâm', 'Thảo', 'Yến', 'Hương', 'Mơ', 'Cúc', 'Sen', 'Nhàn', 'Đào', 'Lý'];
const meritWeights: [string, number][] = [
  ['MARTYR', 30], ['WAR_INVALID', 24], ['SICK_SOLDIER', 10], ['AGENT_ORANGE', 10], ['RESISTANCE_ACTIVIST', 9], ['HEROIC_MOTHER', 3],
  ['HELPED_REVOLUTION', 6], ['PRISONER_OF_WAR', 4], ['CADRE_PRE_1945', 1], ['CADRE_1945_UPRISING', 1], ['HERO_ARMED_FORCES', 1], ['HERO_OF_LABOUR_WARTIME', 1],
];
const contractors = ['Công ty CP Xây dựng Thành Nam', 'Công ty TNHH Xây dựng Vị Xuyên', 'Công ty CP Đầu tư và Xây dựng Nam Hà', 'Công ty TNHH Tu bổ di tích Thiên Trường', 'HTX Xây dựng Hải Hậu'];

function weighted(r: Random, items: [string, number][]): string {
  let n = r.int(1, items.reduce((s, [, w]) => s + w, 0));
  for (const [item, w] of items) if ((n -= w) <= 0) return item;
  return items[0]![0];
}

const minDate = (a: string, b: string) => (a < b ? a : b);

export async function seedDemoProjects(em: EntityManager, users: DemoStaff): Promise<DemoProjects> {
  const today = todayVn();
  const units = (await em.execute<{ id: number; code: string; name_with_type: string; level: UnitLevel; parent_id: number | null; path: string }[]>('select id, code, name_with_type, level, parent_id, path from administrative_unit order by id')).map(
    (u): Unit => ({ id: u.id, code: u.code, name: u.name_with_type, level: u.level, parentId: u.parent_id, path: u.path }),
  );
  const unitById = new Map(units.map((u) => [u.id, u]));
  const communes = units.filter((u) => u.level === UnitLevel.COMMUNE);
  const funds = await em.execute<{ id: number; unit_id: number }[]>("select id, unit_id from fund where kind = 'GRATITUDE'");
  const fundOfUnit = new Map(funds.map((f) => [f.unit_id, f.id]));
  const rates = (await em.execute<{ id: number; code: string; amount: string | null; percent: string | null; effective_from: string; effective_to: string | null }[]>(
    'select id, code, amount, percent, effective_from::text, effective_to::text from policy_rate',
  )).map((r): Rate => ({ id: r.id, code: r.code, amount: r.amount === null ? null : Number(r.amount), percent: r.percent === null ? null : Number(r.percent), from: r.effective_from, to: r.effective_to }));
  const rateOn = (code: string, date: string): Rate => {
    const rate = rates.find((r) => r.code === code && r.from <= date && (r.to === null || r.to >= date));
    if (!rate) throw new Error(`demo: no ${code} rate on ${date}`);
    return rate;
  };
  const sequence = async (name: string, count: number) =>
    count === 0 ? [] : (await em.execute<{ id: string }[]>(`select nextval('${name}') as id from generate_series(1, ?)`, [count])).map((x) => Number(x.id));

  const households: unknown[][] = [];
  const grants: unknown[][] = [];
  const events: unknown[][] = [];
  const lines: unknown[][] = [];
  const works: unknown[][] = [];
  const progress: unknown[][] = [];
  const householdIds = await sequence('beneficiary_household_id_seq', 8_400);
  const grantIds = await sequence('housing_grant_id_seq', 8_400);
  const book = await DemoPayments.load(em, users, 2_000);
  let nextHousehold = 0;
  let nextGrant = 0;
  let decisionSeq = 0;
  const event = (type: ProjectType, id: number, action: string, from: string | null, to: string, on: string, document: string | null = null, note: string | null = null) =>
    events.push([type, id, action, from, to, on, document, note, users.officer, `${on}T15:00:00+07:00`]);

  const payment = (p: DemoPayment) => book.add(p);
  const promise = (fundId: number, amount: number) => book.promise(fundId, amount);

  /**
   * A fund able to pay `amount` of `category` for a project of `unit`: its own, its district's, or
   * the province's; what is promised to earlier projects counts as spent. `closedBy` is the day the
   * project is closed by (its last payment), null while it stays open: a district's fund is a
   * candidate only for a project closed by the district's last day.
   */
  const payingFund = (unit: Unit, amount: number, category: C, r: Random, closedBy: string | null): number | null => {
    const candidates: number[] = [];
    for (let u: Unit | undefined = unit; u; u = u.parentId ? unitById.get(u.parentId) : undefined) {
      if (u.level === UnitLevel.DISTRICT && (closedBy === null || closedBy > DISTRICTS_LAST_DAY)) continue;
      const fund = fundOfUnit.get(u.id);
      if (fund !== undefined && book.available(fund, category) >= amount) candidates.push(fund);
    }
    return candidates.length ? candidates[r.int(0, candidates.length - 1)]! : null;
  };

  const household = (r: Random, commune: Unit, condition: HouseCondition): { id: number; name: string } => {
    const id = householdIds[nextHousehold++]!;
    const woman = r.chance(0.45);
    const name = `${r.pick(families)} ${r.pick(woman ? womenMiddle : menMiddle)} ${r.pick(woman ? womenGiven : menGiven)}`;
    const born = r.int(1925, 1972);
    const nationalId = `036${(born >= 2000 ? 2 : 0) + (woman ? 1 : 0)}${String(born % 100).padStart(2, '0')}${String(100_000 + nextHousehold).padStart(6, '0')}`;
    households.push([id, name, nationalId, weighted(r, meritWeights), commune.id, `Xóm ${r.int(1, 18)}, ${commune.name}`, r.int(1, 7), condition, users.officer, `${today}T08:00:00+07:00`]);
    return { id, name };
  };

  interface GrantPlan {
    r: Random;
    commune: Unit;
    type: HousingGrantType;
    program: HousingProgram;
    status: H;
    appliedOn: string;
    /** Lines other than the fund's: [source, amount, note]. */
    budget: (support: number) => [F, number, string | null][];
    fromFund: boolean;
  }

  /** One grant with its lines, timeline and tranches, up to its status. Returns false when no fund could pay it. */
  const grant = (g: GrantPlan): boolean => {
    const { r, commune } = g;
    const steps: [string, H][] = [['verify', H.VERIFIED], ['approve', H.APPROVED], ['start', H.UNDER_CONSTRUCTION], ['complete', H.COMPLETED], ['close', H.CLOSED]];
    const order = [H.APPLIED, H.VERIFIED, H.APPROVED, H.UNDER_CONSTRUCTION, H.COMPLETED, H.CLOSED];
    const reached = g.status === H.REJECTED ? r.int(0, 1) : order.indexOf(g.status);
    const dates = [g.appliedOn];
    for (let i = 1; i <= Math.max(reached, 1); i += 1) dates.push(minDate(addDays(dates[i - 1]!, [0, r.int(10, 30), r.int(20, 60), r.int(7, 30), r.int(60, 150), r.int(15, 60)][i]!), today));
    const approvedOn = reached >= 2 ? dates[2]! : null;
    const rate = approvedOn ? rateOn(g.type === HousingGrantType.NEW_BUILD ? 'HOUSING_NEW' : 'HOUSING_REPAIR', approvedOn) : null;
    const support = rate?.amount ?? 0;
    let fundId: number | null = null;
    if (approvedOn && g.fromFund) {
      fundId = payingFund(commune, support, g.type === HousingGrantType.NEW_BUILD ? C.HOUSING_NEW : C.HOUSING_REPAIR, r, g.status === H.CLOSED ? dates[5]! : null);
      if (fundId === null) return false;
    }
    const id = grantIds[nextGrant++]!;
    const person = household(r, commune, g.type === HousingGrantType.NEW_BUILD ? r.pick([HouseCondition.DILAPIDATED, HouseCondition.TEMPORARY, HouseCondition.NO_HOUSE]) : r.pick([HouseCondition.SEMI_SOLID, HouseCondition.DILAPIDATED]));
    const P = ProjectType.HOUSING_GRANT;
    event(P, id, 'apply', null, H.APPLIED, g.appliedOn, null, g.type === HousingGrantType.NEW_BUILD ? 'Nhà dột nát, đề nghị hỗ trợ xây mới' : 'Nhà xuống cấp, đề nghị hỗ trợ sửa chữa khung, tường, mái');
    let status = H.APPLIED;
    let approvedTotal: number | null = null;
    let firstTranche: number | null = null;
    let decision: string | null = null;
    let handover: string | null = null;
    for (let i = 1; i <= reached; i += 1) {
      const [action, to] = steps[i - 1]!;
      const on = dates[i]!;
      let document: string | null = null;
      if (action === 'verify') document = `XN-${r.int(10, 300)}/UBND`;
      if (action === 'approve') {
        decisionSeq += 1;
        decision = `${decisionSeq}/QĐ-UBND`;
        document = decision;
        const budgetLines = g.budget(support);
        const all: [F, number, string | null, number | null][] = [...budgetLines.map(([s, a, n]): [F, number, string | null, number | null] => [s, a, n, null])];
        if (fundId !== null) all.unshift([F.FUND, support - budgetLines.filter(([s]) => s !== F.FAMILY && s !== F.SPONSOR).reduce((s, [, a]) => s + a, 0), null, fundId]);
        for (const [source, amount, note, fund] of all) if (amount > 0) lines.push([P, id, source, fund, note, amount]);
        approvedTotal = all.reduce((s, [, a]) => s + Math.max(0, a), 0);
        const fundTotal = all.filter(([s]) => s === F.FUND).reduce((s, [, a]) => s + a, 0);
        firstTranche = percentOf(fundTotal, rateOn('HOUSING_FIRST_TRANCHE', on).percent!);
      }
      if (action === 'complete') {
        handover = `BB-${r.int(1, 99)}/${on.slice(0, 4)}`;
        document = handover;
      }
      event(P, id, action, status, to, on, document);
      status = to;
    }
    if (g.status === H.REJECTED) {
      const on = minDate(addDays(dates[dates.length - 1]!, r.int(5, 20)), today);
      event(P, id, 'reject', status, H.REJECTED, on, null, 'Hộ không thuộc diện hỗ trợ: nhà ở đã kiên cố');
      status = H.REJECTED;
    }
    // Tranches from the fund: the first once construction starts, the rest after the handover minutes.
    if (fundId !== null && approvedOn) {
      const category = g.type === HousingGrantType.NEW_BUILD ? C.HOUSING_NEW : C.HOUSING_REPAIR;
      const purpose = `${g.type === HousingGrantType.NEW_BUILD ? 'Hỗ trợ xây mới' : 'Hỗ trợ sửa chữa'} nhà tình nghĩa, QĐ ${decision}`;
      const payee = `Hộ ${person.name}`;
      const first = firstTranche!;
      const base = { fundId, category, payee, type: P, projectId: id };
      if (status === H.APPROVED || status === H.UNDER_CONSTRUCTION) promise(fundId, support - first);
      if (status === H.APPROVED) payment({ ...base, amount: first, purpose: `${purpose} (đợt 1)`, on: minDate(addDays(approvedOn, 5), today), status: r.pick([D.DRAFT, D.SUBMITTED, D.APPROVED]) });
      else if (status !== H.REJECTED) {
        payment({ ...base, amount: first, purpose: `${purpose} (đợt 1)`, on: dates[3]!, status: D.PAID });
        if (status === H.COMPLETED) payment({ ...base, amount: support - first, purpose: `${purpose} (đợt 2)`, on: minDate(addDays(dates[4]!, 3), today), status: r.pick([D.SUBMITTED, D.APPROVED]) });
        if (status === H.CLOSED) payment({ ...base, amount: support - first, purpose: `${purpose} (đợt 2)`, on: minDate(addDays(dates[4]!, r.int(3, 12)), dates[5]!), status: D.PAID });
      }
    }
    grants.push([
      id, person.id, commune.id, g.type, g.program, status, g.appliedOn, approvedOn ? support : null, rate?.id ?? null, approvedTotal, firstTranche, approvedOn, decision,
      reached >= 3 && status !== H.REJECTED ? dates[3]! : null, handover, handover ? dates[4]! : null, status === H.CLOSED ? dates[5]! : null,
      status === H.REJECTED ? 'Hộ không thuộc diện hỗ trợ: nhà ở đã kiên cố' : null, users.officer, `${g.appliedOn}T08:00:00+07:00`,
    ]);
    return true;
  };

  // 1. Decision 22/2013: 7,731 households across the communes, from the central and local budgets, all closed.
  const r22 = new Random('decision22');
  for (let i = 0; i < 7_731; i += 1) {
    const type = r22.chance(0.36) ? HousingGrantType.NEW_BUILD : HousingGrantType.REPAIR;
    const family = type === HousingGrantType.NEW_BUILD ? r22.amount(40_000_000, 160_000_000, 1_000_000) : r22.amount(5_000_000, 40_000_000, 500_000);
    grant({
      r: r22, commune: communes[i % communes.length]!, type, program: HousingProgram.DECISION_22_2013, status: H.CLOSED, appliedOn: addDays('2013-09-01', r22.int(0, 5 * 365)), fromFund: false,
      budget: (support) => [[F.CENTRAL_BUDGET, support, 'Ngân sách trung ương (QĐ 22/2013)'], [F.FAMILY, family, 'Gia đình tự lo, họ hàng giúp đỡ']],
    });
  }

  // 2. Gift houses from the Gratitude funds, 2015–2020: 128 new, 190 repaired, two tranches each.
  const rGift = new Random('gift-houses');
  for (const [type, count] of [[HousingGrantType.NEW_BUILD, 128], [HousingGrantType.REPAIR, 190]] as const) {
    let made = 0;
    for (let attempt = 0; made < count && attempt < count * 3; attempt += 1) {
      const sponsor = rGift.chance(0.3) ? rGift.amount(5_000_000, 30_000_000, 1_000_000) : 0;
      const ok = grant({
        r: rGift, commune: rGift.pick(communes), type, program: HousingProgram.GRATITUDE_HOUSE, status: H.CLOSED, appliedOn: addDays('2015-02-01', rGift.int(0, 6 * 365 - 200)), fromFund: true,
        budget: () => [[F.SPONSOR, sponsor, 'Doanh nghiệp tài trợ thêm'], [F.FAMILY, rGift.amount(10_000_000, 80_000_000, 1_000_000), 'Gia đình đối ứng']],
      });
      if (ok) made += 1;
    }
  }

  // 3. Under way now: Decree 131/2021 applications (budgets) and gift houses (funds) at every stage.
  const rNow = new Random('housing-now');
  const stages: [H, number][] = [[H.APPLIED, 30], [H.VERIFIED, 24], [H.APPROVED, 20], [H.UNDER_CONSTRUCTION, 26], [H.COMPLETED, 14], [H.CLOSED, 30], [H.REJECTED, 8]];
  for (const [status, count] of stages) {
    for (let i = 0; i < count; i += 1) {
      const type = rNow.chance(0.4) ? HousingGrantType.NEW_BUILD : HousingGrantType.REPAIR;
      const back = { [H.APPLIED]: 30, [H.VERIFIED]: 60, [H.APPROVED]: 110, [H.UNDER_CONSTRUCTION]: 170, [H.COMPLETED]: 330, [H.CLOSED]: 520, [H.REJECTED]: 200 }[status];
      const appliedOn = addDays(today, -rNow.int(back - 25, back));
      grant({
        r: rNow, commune: rNow.pick(communes), type, program: HousingProgram.DECREE_131_2021, status, appliedOn, fromFund: false,
        budget: (support) => {
          const central = Math.round((support * 0.7) / 1_000_000) * 1_000_000;
          return [[F.CENTRAL_BUDGET, central, 'Ngân sách trung ương'], [F.LOCAL_BUDGET, support - central, 'Ngân sách tỉnh'], [F.FAMILY, rNow.amount(10_000_000, 120_000_000, 1_000_000), null]];
        },
      });
    }
  }
  const giftStages: [H, number][] = [[H.APPLIED, 4], [H.VERIFIED, 4], [H.APPROVED, 6], [H.UNDER_CONSTRUCTION, 6], [H.COMPLETED, 5], [H.CLOSED, 8]];
  // The demo commune account (xa13741) sees a gift house of its own commune.
  const commune13741 = communes.find((c) => c.code === '13741');
  for (const [status, count] of giftStages) {
    for (let i = 0; i < count; i += 1) {
      const back = { [H.APPLIED]: 20, [H.VERIFIED]: 45, [H.APPROVED]: 80, [H.UNDER_CONSTRUCTION]: 140, [H.COMPLETED]: 260, [H.CLOSED]: 420 }[status as string]!;
      grant({
        r: rNow, commune: i === 0 && commune13741 ? commune13741 : rNow.pick(communes), type: rNow.chance(0.5) ? HousingGrantType.NEW_BUILD : HousingGrantType.REPAIR, program: HousingProgram.GRATITUDE_HOUSE,
        status, appliedOn: addDays(today, -rNow.int(back - 15, back)), fromFund: true, budget: () => [[F.FAMILY, rNow.amount(10_000_000, 60_000_000, 1_000_000), null]],
      });
    }
  }

  // 4. Memorial works, 40–50 a year since 2019, within the caps of the rates in force.
  const rWork = new Random('memorial-works');
  const workIds = await sequence('memorial_work_id_seq', 500);
  let nextWork = 0;
  const districts = units.filter((u) => u.level === UnitLevel.DISTRICT);
  const province = units.find((u) => u.level === UnitLevel.PROVINCE)!;
  const thisYear = Number(today.slice(0, 4));
  for (let year = 2019; year <= thisYear; year += 1) {
    const count = rWork.int(40, 50);
    for (let i = 0; i < count; i += 1) {
      const roll = rWork.next();
      // The scale of the work (and the unit it stands in); who holds it is decided below (districts end on 30/6/2025).
      const scale = roll < 0.04 ? UnitLevel.PROVINCE : roll < 0.24 ? UnitLevel.DISTRICT : UnitLevel.COMMUNE;
      const place = scale === UnitLevel.PROVINCE ? province : scale === UnitLevel.DISTRICT ? rWork.pick(districts) : rWork.pick(communes);
      const kind = scale === UnitLevel.PROVINCE ? rWork.pick([K.CEMETERY, K.TEMPLE, K.MEMORIAL]) : scale === UnitLevel.DISTRICT ? rWork.pick([K.CEMETERY, K.MEMORIAL, K.NAME_STELE, K.TEMPLE]) : rWork.pick([K.CEMETERY, K.NAME_STELE, K.GRAVE, K.MEMORIAL, K.GRAVE]);
      const scope = rWork.pick([W.NEW, W.UPGRADE, W.REPAIR, W.REPAIR]);
      const graveCount = kind === K.GRAVE ? rWork.int(8, 150) : null;
      const cost =
        kind === K.GRAVE ? graveCount! * rWork.amount(9_000_000, 14_000_000, 100_000)
        : scale === UnitLevel.PROVINCE ? rWork.amount(8_000_000_000, 30_000_000_000, 10_000_000)
        : scale === UnitLevel.DISTRICT ? rWork.amount(1_200_000_000, 7_000_000_000, 10_000_000)
        : rWork.amount(150_000_000, 1_600_000_000, 5_000_000);
      const plannedOn = addDays(`${year}-01-10`, rWork.int(0, 300));
      if (plannedOn > today) continue;
      const age = (Date.parse(today) - Date.parse(plannedOn)) / 86_400_000;
      const status = age > 700 ? M.SETTLED : age > 420 ? rWork.pick([M.SETTLED, M.COMPLETED]) : age > 200 ? rWork.pick([M.IN_PROGRESS, M.COMPLETED]) : age > 60 ? rWork.pick([M.APPROVED, M.IN_PROGRESS]) : rWork.pick([M.PLANNED, M.APPROVED]);
      const approvedOn = status === M.PLANNED ? null : minDate(addDays(plannedOn, rWork.int(20, 45)), today);
      // Settled at the latest this many days after it was planned: approval ≤ 45, start ≤ 40, works ≤ 330, settlement ≤ 120 (the steps below).
      const settledBy = status === M.SETTLED ? addDays(plannedOn, 45 + 40 + 330 + 120) : null;
      // A district holds a work only if it is settled while the district exists; otherwise the province does (the district's
      // works still running at the abolition pass to the province, which also takes on the district-scale works after it).
      const unit = scale === UnitLevel.DISTRICT && (settledBy === null || settledBy > DISTRICTS_LAST_DAY) ? province : place;
      const level = unit.level;
      const rateDate = approvedOn ?? plannedOn;
      const share = percentOf(cost, rateOn('MEMORIAL_SUPPORT_SHARE', rateDate).percent!);
      const levelCap = rateOn(`MEMORIAL_CAP_${level}`, rateDate).amount!;
      const cap = kind === K.GRAVE ? rateOn('MEMORIAL_GRAVE', rateDate).amount! * graveCount! : scope === W.REPAIR ? percentOf(levelCap, rateOn('MEMORIAL_REPAIR_SHARE', rateDate).percent!) : levelCap;
      const support = Math.floor((Math.min(share, cap) * (0.6 + rWork.next() * 0.4)) / 1_000_000) * 1_000_000;
      const id = workIds[nextWork++]!;
      let fundPart = rWork.chance(0.45) ? Math.floor((support * (0.1 + rWork.next() * 0.3)) / 1_000_000) * 1_000_000 : 0;
      const fundId = fundPart > 0 ? payingFund(unit, fundPart, C.MEMORIAL_WORK, rWork, settledBy) : null;
      if (fundId === null) fundPart = 0;
      else if (status === M.PLANNED) promise(fundId, fundPart);
      const sponsor = rWork.chance(0.2) ? Math.min(cost - support, rWork.amount(20_000_000, 300_000_000, 1_000_000)) : 0;
      const local = cost - support - sponsor;
      const P = ProjectType.MEMORIAL_WORK;
      if (fundPart > 0) lines.push([P, id, F.FUND, fundId, null, fundPart]);
      if (support - fundPart > 0) lines.push([P, id, F.CENTRAL_BUDGET, null, 'Ngân sách trung ương hỗ trợ có mục tiêu', support - fundPart]);
      if (local > 0) lines.push([P, id, F.LOCAL_BUDGET, null, `Ngân sách ${unit.name}`, local]);
      if (sponsor > 0) lines.push([P, id, F.SPONSOR, null, rWork.pick(['Ngân hàng TMCP Công Thương - CN Nam Định', 'Công ty CP Dệt may Nam Định', 'Con em quê hương xa quê']), sponsor]);
      const kindName = { [K.CEMETERY]: 'Nghĩa trang liệt sĩ', [K.MEMORIAL]: 'Đài tưởng niệm liệt sĩ', [K.TEMPLE]: 'Đền thờ liệt sĩ', [K.NAME_STELE]: 'Nhà bia ghi tên liệt sĩ', [K.GRAVE]: `${graveCount} mộ liệt sĩ, nghĩa trang` }[kind];
      const scopeName = { [W.NEW]: 'Xây mới', [W.UPGRADE]: 'Nâng cấp', [W.REPAIR]: 'Tu bổ, sửa chữa' }[scope];
      const name = `${scopeName} ${kindName.charAt(0).toLowerCase()}${kindName.slice(1)} ${place.name}`;
      const contractor = rWork.pick(contractors);
      const order = [M.PLANNED, M.APPROVED, M.IN_PROGRESS, M.COMPLETED, M.SETTLED];
      const reached = order.indexOf(status);
      const dates = [plannedOn, approvedOn ?? plannedOn];
      for (let s = 2; s <= reached; s += 1) dates.push(minDate(addDays(dates[s - 1]!, [0, 0, rWork.int(15, 40), rWork.int(120, 330), rWork.int(30, 120)][s]!), today));
      event(P, id, 'plan', null, M.PLANNED, plannedOn);
      const actions = ['approve', 'start', 'complete', 'settle'];
      for (let s = 1; s <= reached; s += 1) {
        const document = s === 1 ? `${200 + nextWork}/QĐ-UBND` : s === 3 ? `BB-NT-${id}` : s === 4 ? `QT-${id}/QĐ-UBND` : null;
        event(P, id, actions[s - 1]!, order[s - 1]!, order[s]!, dates[s]!, document);
      }
      let pct = 0;
      if (reached >= 2) {
        const reports = reached >= 3 ? 3 : rWork.int(1, 3);
        const end = reached >= 3 ? dates[3]! : today;
        const span = Math.max(1, (Date.parse(end) - Date.parse(dates[2]!)) / 86_400_000);
        for (let k = 1; k <= reports; k += 1) {
          pct = reached >= 3 && k === reports ? 100 : Math.min(95, Math.max(pct + 5, Math.round(((k / (reports + 1)) * 100 + rWork.int(-5, 5)) / 5) * 5));
          const on = addDays(dates[2]!, Math.floor((span * k) / (reports + (reached >= 3 ? 0 : 1))));
          progress.push([id, minDate(on, end), pct, pct === 100 ? 'Hoàn thành, nghiệm thu' : rWork.pick(['Thi công phần móng', 'Hoàn thiện phần thô', 'Ốp lát, trát tường', 'Lắp đặt bia, hoàn thiện']), users.officer]);
        }
      }
      if (fundId !== null && reached >= 1) {
        const base = { fundId, category: C.MEMORIAL_WORK, payee: contractor, type: P, projectId: id };
        const half = Math.floor(fundPart / 2 / 1_000_000) * 1_000_000;
        const purpose = `${name}: hỗ trợ từ Quỹ Đền ơn đáp nghĩa`;
        if (reached <= 2) promise(fundId, fundPart - half);
        if (reached === 1) payment({ ...base, amount: half, purpose: `${purpose} (tạm ứng)`, on: minDate(addDays(dates[1]!, 10), today), status: rWork.pick([D.DRAFT, D.SUBMITTED]) });
        if (reached >= 2) payment({ ...base, amount: half, purpose: `${purpose} (tạm ứng)`, on: minDate(addDays(dates[2]!, 5), today), status: D.PAID });
        if (reached >= 3) payment({ ...base, amount: fundPart - half, purpose: `${purpose} (thanh toán)`, on: minDate(addDays(dates[3]!, 10), dates[4] ?? today), status: reached === 4 ? D.PAID : rWork.pick([D.PAID, D.SUBMITTED]) });
      }
      works.push([
        id, name, kind, scope, unit.id, `${place.name}`, graveCount, cost, support, cost >= rateOn('MEMORIAL_PROJECT_DOCUMENT', rateDate).amount! ? `DA-${id}/QĐ-UBND` : null, contractor,
        reached >= 2 ? dates[2] : addDays(rateDate, 30), addDays(reached >= 2 ? dates[2]! : addDays(rateDate, 30), 240), status, approvedOn, approvedOn ? `${200 + nextWork}/QĐ-UBND` : null, pct,
        reached >= 3 ? dates[3] : null, reached >= 4 ? dates[4] : null, users.officer, `${plannedOn}T08:00:00+07:00`,
      ]);
    }
  }

  await insertRows(em, 'beneficiary_household', ['id', 'person_name', 'national_id', 'merit_category_code', 'unit_id', 'address', 'household_size', 'house_condition', 'created_by_id', 'created_at'], households, 5000);
  await insertRows(em, 'housing_grant', [
    'id', 'household_id', 'unit_id', 'type', 'program', 'status', 'applied_on', 'amount', 'rate_id', 'approved_total', 'first_tranche_limit', 'approved_on', 'decision_number',
    'construction_started_on', 'handover_number', 'handover_date', 'closed_on', 'rejection_reason', 'created_by_id', 'created_at',
  ], grants, 3000);
  await insertRows(em, 'memorial_work', [
    'id', 'name', 'kind', 'scope', 'unit_id', 'location', 'grave_count', 'approved_cost', 'support_amount', 'project_document_number', 'contractor', 'start_on', 'planned_end_on', 'status',
    'approved_on', 'decision_number', 'progress', 'completed_on', 'settled_on', 'created_by_id', 'created_at',
  ], works, 2000);
  await insertRows(em, 'memorial_progress', ['work_id', 'reported_on', 'percent', 'note', 'created_by_id'], progress, 5000);
  await insertRows(em, 'funding_line', ['project_type', 'project_id', 'source', 'fund_id', 'note', 'amount'], lines, 5000);
  await insertRows(em, 'project_event', ['project_type', 'project_id', 'action', 'from_status', 'to_status', 'occurred_on', 'document', 'note', 'actor_id', 'at'], events, 5000);
  await book.write();
  return { households: households.length, grants: grants.length, works: works.length, payments: book.count };
}
