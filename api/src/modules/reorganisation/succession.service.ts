import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context';
import { addDays, assertDate, formatDateVi, todayVn } from '../../common/dates';
import { AppError, badInput, conflict, ErrorCode, notFound } from '../../common/errors';
import { pageOptions, parseId } from '../../common/pagination';
import type { Scope } from '../../common/scope';
import { likeEscape, viFold } from '../../common/text';
import { ProjectType } from '../disbursements/disbursement.entity';
import { Fund, FundKind } from '../funds/fund.entity';
import { AccountCode } from '../ledger/ledger.entities';
import { post, type PostingLine } from '../ledger/ledger.service';
import { FundingLine, FundingSource, ProjectEvent } from '../projects/project.entities';
import { AdministrativeUnit, UnitLevel } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { SuccessionKind, SuccessionStatus, UnitSuccessionEvent, UnitSuccessionLine, type NewUnitSpec } from './succession.entity';
import type { CreateUnitSuccessionEventArgs, UnitSuccessionEventFilter, UnitSuccessionEventListArgs } from './succession.inputs';
import { successionMachine } from './succession.state';
import type { SuccessionBlocker, SuccessionFundClosing, SuccessionMove, SuccessionUnitChange, UnitSuccessionPreview } from './succession.types';

/** Where a line's successor is: an existing unit, or one created on apply (by code). */
interface Target {
  unit?: AdministrativeUnit;
  spec?: NewUnitSpec;
}
const targetName = (t: Target) => t.unit?.nameWithType ?? t.spec!.nameWithType;
const targetLevel = (t: Target) => t.unit?.level ?? t.spec!.level;

/** A line as the rules see it, from the input or from the stored event. */
export interface LineSpec {
  kind: SuccessionKind;
  predecessorId: number;
  successorId?: number;
  newUnitCode?: string;
}

interface ResolvedLine {
  kind: SuccessionKind;
  predecessor: AdministrativeUnit;
  target: Target;
}

interface Plan {
  effectiveOn: string;
  closingDay: string;
  lines: ResolvedLine[];
  newUnits: NewUnitSpec[];
}

const LEVEL_RANK: Record<UnitLevel, number> = { [UnitLevel.PROVINCE]: 1, [UnitLevel.DISTRICT]: 2, [UnitLevel.COMMUNE]: 3 };
const OPEN_DISBURSEMENT = ['DRAFT', 'SUBMITTED', 'APPROVED'];
const HOUSING_FINAL = ['CLOSED', 'REJECTED'];
const MEMORIAL_FINAL = ['SETTLED'];

const inForceOn = (unit: AdministrativeUnit, date: string) => (!unit.validFrom || unit.validFrom < date) && (!unit.validTo || unit.validTo >= date);
const inScope = (scope: Scope | undefined, unit: { path: string }) => !scope || unit.path.startsWith(scope.unitPath);

/**
 * Checks an event against the units as they are now (at creation, and again when applied):
 * units exist, in force on the date and in scope; no unit in two lines; levels coherent (a
 * district absorbed by a province, a commune by a commune, a province by a province; a unit moved
 * under a unit above its level); new units with unique codes and used by a line; no fund
 * concerned locked on the closing day. Throws BAD_USER_INPUT or CONFLICT; writes nothing.
 */
async function resolve(em: EntityManager, scope: Scope | undefined, effectiveOn: string, newUnits: NewUnitSpec[], specs: LineSpec[]): Promise<Plan> {
  assertDate(effectiveOn, 'effectiveOn');
  const closingDay = addDays(effectiveOn, -1);
  const ids = [...new Set([...specs.flatMap((l) => [l.predecessorId, l.successorId ?? 0]), ...newUnits.map((u) => u.parentId)].filter((id) => id > 0))];
  const units = new Map((await em.find(AdministrativeUnit, { id: { $in: ids } })).map((u) => [u.id, u]));
  const unitOf = (id: number, field: string): AdministrativeUnit => {
    const unit = units.get(id);
    if (!unit || !inScope(scope, unit)) throw badInput(`Administrative unit ${id} does not exist or is outside your administrative unit`, field);
    if (!inForceOn(unit, effectiveOn)) {
      throw badInput(`${unit.nameWithType} is not in force on ${formatDateVi(effectiveOn)} (${unit.validTo ? `it ended on ${formatDateVi(unit.validTo)}` : `it starts on ${formatDateVi(unit.validFrom!)}`})`, field);
    }
    return unit;
  };

  const absorbed = new Set(specs.filter((l) => l.kind === SuccessionKind.ABSORBED).map((l) => l.predecessorId));
  const codes = new Map<string, NewUnitSpec>();
  for (const [i, spec] of newUnits.entries()) {
    const field = `newUnits.${i}`;
    if (codes.has(spec.code)) throw badInput(`New unit code ${spec.code} appears twice`, `${field}.code`);
    codes.set(spec.code, spec);
    const parent = unitOf(spec.parentId, `${field}.parentId`);
    if (absorbed.has(parent.id)) throw badInput(`${spec.nameWithType} cannot be placed under ${parent.nameWithType}, which ends in this event`, `${field}.parentId`);
    if (spec.level === UnitLevel.PROVINCE || LEVEL_RANK[spec.level] <= LEVEL_RANK[parent.level]) {
      throw badInput(`A new ${spec.level.toLowerCase()} cannot be placed under the ${parent.level.toLowerCase()} ${parent.nameWithType}: its parent must be a unit of a higher level`, `${field}.level`);
    }
  }
  if (codes.size > 0) {
    const taken = await em.find(AdministrativeUnit, { code: { $in: [...codes.keys()] } });
    if (taken.length > 0) throw conflict(`Unit code ${taken[0]!.code} is already used by ${taken[0]!.nameWithType}: a new unit needs a new code`, { field: 'newUnits', code: taken[0]!.code });
  }

  const seen = new Set<number>();
  const used = new Set<string>();
  const lines: ResolvedLine[] = [];
  for (const [i, spec] of specs.entries()) {
    const field = `lines.${i}`;
    const predecessor = unitOf(spec.predecessorId, `${field}.predecessorId`);
    if (seen.has(predecessor.id)) throw badInput(`${predecessor.nameWithType} appears in two lines: give one line per unit`, `${field}.predecessorId`);
    seen.add(predecessor.id);
    if ((spec.successorId ? 1 : 0) + (spec.newUnitCode ? 1 : 0) !== 1) throw badInput(`Line ${i + 1}: give either successorId or newUnitCode`, `${field}.successorId`);
    let target: Target;
    if (spec.newUnitCode) {
      const newUnit = codes.get(spec.newUnitCode);
      if (!newUnit) throw badInput(`Line ${i + 1} names the new unit ${spec.newUnitCode}, which is not among the event's new units`, `${field}.newUnitCode`);
      used.add(newUnit.code);
      target = { spec: newUnit };
    } else {
      const successor = unitOf(spec.successorId!, `${field}.successorId`);
      if (successor.id === predecessor.id) throw badInput(`${predecessor.nameWithType} cannot succeed itself`, `${field}.successorId`);
      if (absorbed.has(successor.id)) throw badInput(`${successor.nameWithType} ends in this event: it cannot take over ${predecessor.nameWithType}`, `${field}.successorId`);
      if (successor.path.startsWith(predecessor.path)) throw badInput(`${successor.nameWithType} lies below ${predecessor.nameWithType}`, `${field}.successorId`);
      target = { unit: successor };
    }
    const from = predecessor.level;
    const to = targetLevel(target);
    if (spec.kind === SuccessionKind.ABSORBED) {
      const allowed = from === UnitLevel.DISTRICT ? UnitLevel.PROVINCE : from;
      if (to !== allowed) {
        throw badInput(`A ${from.toLowerCase()} is absorbed by a ${allowed.toLowerCase()}: ${targetName(target)} is a ${to.toLowerCase()}`, `${field}.successorId`);
      }
    } else if (LEVEL_RANK[to] >= LEVEL_RANK[from]) {
      throw badInput(`${predecessor.nameWithType} can only be placed under a unit of a higher level than ${from.toLowerCase()}`, `${field}.successorId`);
    }
    if (spec.kind === SuccessionKind.REPARENTED && target.spec) throw badInput(`Line ${i + 1}: a unit is moved under an existing unit`, `${field}.newUnitCode`);
    lines.push({ kind: spec.kind, predecessor, target });
  }
  const unused = [...codes.keys()].find((code) => !used.has(code));
  if (unused) throw badInput(`New unit ${unused} succeeds no unit: name it in a line or leave it out`, 'newUnits');

  // The transfers are posted on the closing day: no fund concerned may be locked on it.
  const concerned = lines.filter((l) => l.kind === SuccessionKind.ABSORBED).flatMap((l) => [l.predecessor.id, l.target.unit?.id ?? 0]);
  const locked = await em.find(Fund, { unit: { $in: concerned }, lockedUntil: { $gte: closingDay } }, { orderBy: { id: 'ASC' } });
  if (locked.length > 0) {
    const fund = locked[0]!;
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `The books of ${fund.name} are closed up to ${formatDateVi(fund.lockedUntil!)}: the succession transfers are posted on ${formatDateVi(closingDay)}, choose a later date`,
      { field: 'effectiveOn', rule: 'PERIOD_LOCKED', lockedUntil: fund.lockedUntil, fundId: String(fund.id) },
    );
  }
  return { effectiveOn, closingDay, lines, newUnits };
}

function eventLineSpecs(event: UnitSuccessionEvent): LineSpec[] {
  return event.lines.getItems().map((l) => ({ kind: l.kind, predecessorId: l.predecessor.id, successorId: l.newUnitCode ? undefined : l.successor?.id, newUnitCode: l.newUnitCode }));
}

interface Balances {
  freeCash: number;
  earmarkedCash: number;
  goods: number;
  accounts: { code: AccountCode; purpose: string | null; balance: number }[];
}

async function balancesOf(em: EntityManager, fundIds: number[]): Promise<Map<number, Balances>> {
  const result = new Map<number, Balances>(fundIds.map((id) => [id, { freeCash: 0, earmarkedCash: 0, goods: 0, accounts: [] }]));
  if (fundIds.length === 0) return result;
  const rows = await em.execute<{ fund_id: number; code: AccountCode; purpose: string | null; balance: string }[]>(
    "select fund_id, code, purpose, balance from ledger_account where fund_id in (?) and code in ('CASH', 'GOODS') and balance <> 0 order by fund_id, code, coalesce(purpose, '')",
    [fundIds],
  );
  for (const r of rows) {
    const b = result.get(r.fund_id)!;
    const balance = Number(r.balance);
    b.accounts.push({ code: r.code, purpose: r.purpose, balance });
    if (r.code === AccountCode.GOODS) b.goods += balance;
    else if (r.purpose) b.earmarkedCash += balance;
    else b.freeCash += balance;
  }
  return result;
}

const fundName = (kind: FundKind, unitName: string) => (kind === FundKind.GRATITUDE ? `Quỹ Đền ơn đáp nghĩa ${unitName}` : `Quỹ Bảo trợ trẻ em ${unitName}`);

/** Everything applying the event will do, and what blocks it: read only. */
async function survey(em: EntityManager, plan: Plan) {
  const ending = plan.lines.filter((l) => l.kind === SuccessionKind.ABSORBED);
  const endingIds = ending.map((l) => l.predecessor.id);
  const inLines = new Set(plan.lines.map((l) => l.predecessor.id));
  const parentIds = [...new Set(plan.lines.map((l) => l.predecessor.parent?.id).filter((x): x is number => !!x))];
  const parents = new Map((parentIds.length ? await em.find(AdministrativeUnit, { id: { $in: parentIds } }) : []).map((u) => [u.id, u]));

  // Children of ending units follow the successor, unless a line of the event says otherwise; units already ended stay as recorded.
  const children = endingIds.length
    ? await em.find(AdministrativeUnit, { parent: { $in: endingIds }, validTo: null, id: { $nin: [...inLines] } }, { orderBy: { id: 'ASC' } })
    : [];
  const byPredecessor = new Map(plan.lines.map((l) => [l.predecessor.id, l]));
  const reparented: { unit: AdministrativeUnit; fromParent?: AdministrativeUnit; target: Target }[] = [
    ...plan.lines.filter((l) => l.kind === SuccessionKind.REPARENTED).map((l) => ({ unit: l.predecessor, fromParent: parents.get(l.predecessor.parent?.id ?? 0), target: l.target })),
    ...children.map((c) => ({ unit: c, fromParent: byPredecessor.get(c.parent!.id)!.predecessor, target: byPredecessor.get(c.parent!.id)!.target })),
  ];

  const funds = endingIds.length ? await em.find(Fund, { unit: { $in: endingIds }, closedOn: null }, { orderBy: { id: 'ASC' } }) : [];
  const successorUnitIds = ending.map((l) => l.target.unit?.id).filter((x): x is number => !!x);
  const successorFunds = successorUnitIds.length ? await em.find(Fund, { unit: { $in: successorUnitIds }, closedOn: null }) : [];
  const balances = await balancesOf(em, funds.map((f) => f.id));
  const closing = funds.map((fund) => {
    const line = byPredecessor.get(fund.unit.id)!;
    const successorFund = line.target.unit ? successorFunds.find((f) => f.kind === fund.kind && f.unit.id === line.target.unit!.id) : undefined;
    return { fund, line, successorFund, balances: balances.get(fund.id)! };
  });

  const blockers: SuccessionBlocker[] = [];
  if (plan.effectiveOn > todayVn()) {
    blockers.push({ rule: 'NOT_YET_EFFECTIVE', message: `The event takes effect on ${formatDateVi(plan.effectiveOn)}: apply it on or after that day` });
  }
  const fundIds = funds.map((f) => f.id);
  if (fundIds.length > 0) {
    const open = await em.execute<{ id: number; status: string; fund_name: string; amount: string }[]>(
      `select d.id, d.status, f.name as fund_name, d.amount from disbursement d join fund f on f.id = d.fund_id
        where (d.fund_id in (?) or d.target_fund_id in (?)) and d.status in (?) order by d.id`,
      [fundIds, fundIds, OPEN_DISBURSEMENT],
    );
    for (const d of open) {
      blockers.push({
        rule: 'OPEN_DISBURSEMENT',
        message: `Disbursement ${d.id} of ${d.fund_name} is ${d.status}: pay, reject or cancel it before the fund closes`,
        recordType: 'Disbursement',
        recordId: Number(d.id),
      });
    }
    const late = await em.execute<{ fund_id: number; n: number; first: string }[]>(
      'select fund_id, count(*)::int as n, min(occurred_on)::text as first from ledger_transaction where fund_id in (?) and occurred_on > ? group by fund_id order by fund_id',
      [fundIds, plan.closingDay],
    );
    for (const l of late) {
      const fund = funds.find((f) => f.id === l.fund_id)!;
      blockers.push({
        rule: 'LATE_POSTING',
        message: `${fund.name} has ${l.n} posting(s) dated after ${formatDateVi(plan.closingDay)} (from ${formatDateVi(l.first)}): a fund closes on that day, record them on the successor fund instead`,
        recordType: 'Fund',
        recordId: fund.id,
      });
    }
  }

  const users = endingIds.length ? await em.find(User, { unit: { $in: endingIds } }, { orderBy: { id: 'ASC' } }) : [];
  const grants = endingIds.length
    ? await em.execute<{ id: number; unit_id: number; status: string; person_name: string }[]>(
        `select g.id, g.unit_id, g.status, h.person_name from housing_grant g join beneficiary_household h on h.id = g.household_id
          where g.unit_id in (?) and g.status not in (?) order by g.id`,
        [endingIds, HOUSING_FINAL],
      )
    : [];
  const works = endingIds.length
    ? await em.execute<{ id: number; unit_id: number; status: string; name: string }[]>('select id, unit_id, status, name from memorial_work where unit_id in (?) and status not in (?) order by id', [
        endingIds,
        MEMORIAL_FINAL,
      ])
    : [];
  return { ending, reparented, closing, blockers, users, grants, works, byPredecessor };
}

async function preview(em: EntityManager, scope: Scope | undefined, event: UnitSuccessionEvent): Promise<UnitSuccessionPreview> {
  await event.lines.init();
  let plan: Plan;
  const blockers: SuccessionBlocker[] = [];
  if (event.status === SuccessionStatus.APPLIED) {
    return { unitsEnding: [], unitsReparented: [], unitsCreated: [], fundsClosing: [], users: [], housingGrants: [], memorialWorks: [], blockers: [{ rule: 'APPLIED', message: 'The event is already applied' }] };
  }
  try {
    plan = await resolve(em, scope, event.effectiveOn, event.newUnits, eventLineSpecs(event));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      unitsEnding: [],
      unitsReparented: [],
      unitsCreated: [],
      fundsClosing: [],
      users: [],
      housingGrants: [],
      memorialWorks: [],
      blockers: [{ rule: String(error.extensions.rule ?? error.extensions.code), message: error.message }],
    };
  }
  const s = await survey(em, plan);
  blockers.push(...s.blockers);
  const parentNames = new Map((await em.find(AdministrativeUnit, { id: { $in: plan.newUnits.map((u) => u.parentId) } })).map((u) => [u.id, u.nameWithType]));
  const move = (unitId: number) => s.byPredecessor.get(unitId)!;
  return {
    unitsEnding: s.ending.map((l) => ({ unitId: l.predecessor.id, code: l.predecessor.code, nameWithType: l.predecessor.nameWithType, toUnitId: l.target.unit?.id, toUnitName: targetName(l.target) })),
    unitsReparented: s.reparented.map(
      (r): SuccessionUnitChange => ({ unitId: r.unit.id, code: r.unit.code, nameWithType: r.unit.nameWithType, fromParentName: r.fromParent?.nameWithType, toUnitId: r.target.unit?.id, toUnitName: targetName(r.target) }),
    ),
    unitsCreated: plan.newUnits.map((u) => ({ code: u.code, nameWithType: u.nameWithType, toUnitId: u.parentId, toUnitName: parentNames.get(u.parentId) })),
    fundsClosing: s.closing.map(
      (c): SuccessionFundClosing => ({
        fundId: c.fund.id,
        fundName: c.fund.name,
        kind: c.fund.kind,
        freeCash: c.balances.freeCash,
        earmarkedCash: c.balances.earmarkedCash,
        goods: c.balances.goods,
        successorFundId: c.successorFund?.id,
        successorFundName: c.successorFund?.name ?? fundName(c.fund.kind, targetName(c.line.target)),
        createsSuccessorFund: !c.successorFund,
      }),
    ),
    users: s.users.map((u): SuccessionMove => ({ id: u.id, label: `${u.fullName} (${u.email})`, fromUnitName: move(u.unit.id).predecessor.nameWithType, toUnitName: targetName(move(u.unit.id).target) })),
    housingGrants: s.grants.map((g): SuccessionMove => ({ id: Number(g.id), label: `${g.person_name} (${g.status})`, fromUnitName: move(g.unit_id).predecessor.nameWithType, toUnitName: targetName(move(g.unit_id).target) })),
    memorialWorks: s.works.map((w): SuccessionMove => ({ id: Number(w.id), label: `${w.name} (${w.status})`, fromUnitName: move(w.unit_id).predecessor.nameWithType, toUnitName: targetName(move(w.unit_id).target) })),
    blockers,
  };
}

/**
 * Applies a DRAFT event, all or nothing, in the caller's transaction (or its own):
 * creates the new units; moves the children of ending units and the REPARENTED units under their
 * new parent (the path trigger carries the paths down the subtrees); ends the absorbed units the
 * day before the event, pointing to their successor; closes their funds by succession transfers
 * (per account and purpose, through the ledger's post()) to the successor unit's fund of the same
 * kind, created if missing; moves their users and open housing grants and memorial works; carries
 * over the unpaid part of FUND lines on a closed fund to the successor fund. Nothing dated before
 * the event changes. Usable from the seed: `applySuccessionEvent(em, eventId, actorUserId)`.
 */
export async function applySuccessionEvent(em: EntityManager, eventId: number, actorUserId: number, scope?: Scope): Promise<UnitSuccessionEvent> {
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<{ id: number }[]>('select id from unit_succession_event where id = ? for update', [eventId]);
    if (!row) throw notFound('Succession event', eventId);
    const event = await tx.findOneOrFail(UnitSuccessionEvent, eventId, { populate: ['lines'], refresh: true });
    if (scope && !(await eventInScope(tx, scope, event.id))) throw notFound('Succession event', eventId);
    const actor = await tx.findOneOrFail(User, actorUserId);
    successionMachine.assert('apply', event.status, actor.role);

    const plan = await resolve(tx, scope, event.effectiveOn, event.newUnits, eventLineSpecs(event));
    const s = await survey(tx, plan);
    if (s.blockers.length > 0) {
      throw conflict(`The event cannot be applied yet: ${s.blockers.map((b) => b.message).join('; ')}`, { blockers: s.blockers });
    }
    const description = `${event.name} (${event.legalBasis})`.slice(0, 450);

    // 1. New units, in force from the event's date.
    const created = new Map<string, AdministrativeUnit>();
    for (const spec of plan.newUnits) {
      const unit = tx.create(AdministrativeUnit, {
        code: spec.code,
        name: spec.name,
        nameWithType: spec.nameWithType,
        type: spec.type,
        level: spec.level,
        parent: tx.getReference(AdministrativeUnit, spec.parentId),
        validFrom: plan.effectiveOn,
      });
      created.set(spec.code, unit);
    }
    await tx.flush();
    for (const unit of created.values()) await tx.refresh(unit);
    event.newUnits = plan.newUnits.map((spec) => ({ ...spec, unitId: created.get(spec.code)!.id }));
    const successorOf = (t: Target): AdministrativeUnit => t.unit ?? created.get(t.spec!.code)!;
    for (const line of event.lines.getItems()) {
      if (line.newUnitCode) line.successor = tx.getReference(AdministrativeUnit, created.get(line.newUnitCode)!.id, { wrapped: true });
    }

    // 2. Moves: the database keeps the materialised paths of the whole subtree.
    for (const r of s.reparented) {
      await tx.execute('update administrative_unit set parent_id = ? where id = ?', [successorOf(r.target).id, r.unit.id]);
    }

    // 3. Absorbed units end the day before; then their funds close by transfer to the successor's.
    for (const line of s.ending) {
      await tx.execute('update administrative_unit set valid_to = ?, successor_id = ? where id = ?', [plan.closingDay, successorOf(line.target).id, line.predecessor.id]);
    }
    const successorFunds = new Map<string, number>();
    for (const c of s.closing) {
      const successorUnit = successorOf(c.line.target);
      const key = `${c.fund.kind}|${successorUnit.id}`;
      let successorFundId = c.successorFund?.id ?? successorFunds.get(key);
      if (!successorFundId) {
        const [existing] = await tx.execute<{ id: number }[]>('select id from fund where kind = ? and unit_id = ?', [c.fund.kind, successorUnit.id]);
        successorFundId =
          existing?.id ??
          Number(
            (await tx.execute<{ id: number }[]>('insert into fund (kind, name, unit_id) values (?, ?, ?) returning id', [c.fund.kind, fundName(c.fund.kind, successorUnit.nameWithType), successorUnit.id]))[0]!
              .id,
          );
      }
      successorFunds.set(key, successorFundId);
      const accounts = c.balances.accounts;
      const total = accounts.reduce((sum, a) => sum + a.balance, 0);
      if (total > 0) {
        const common = { occurredOn: plan.closingDay, sourceType: 'unitSuccessionEvent', sourceId: event.id, createdById: actorUserId };
        const out: PostingLine[] = [...accounts.map((a) => ({ code: a.code, purpose: a.purpose, amount: -a.balance })), { code: AccountCode.TRANSFER_OUT, amount: total }];
        const into: PostingLine[] = [...accounts.map((a) => ({ code: a.code, purpose: a.purpose, amount: a.balance })), { code: AccountCode.TRANSFER_IN, amount: -total }];
        await post(tx, { ...common, fundId: c.fund.id, kind: 'SUCCESSION_TRANSFER_OUT', description: `Chuyển số dư sang quỹ kế thừa: ${description}`, lines: out });
        await post(tx, { ...common, fundId: successorFundId, kind: 'SUCCESSION_TRANSFER_IN', description: `Nhận số dư của ${c.fund.name}: ${description}`, lines: into });
      }
      await tx.execute('update fund set closed_on = ?, successor_id = ? where id = ?', [plan.closingDay, successorFundId, c.fund.id]);
      await carryFundingLines(tx, c.fund, successorFundId, plan.closingDay, event);
    }

    // 4. Users, open housing grants and memorial works follow their unit's successor.
    for (const line of s.ending) {
      const to = successorOf(line.target).id;
      await tx.execute('update app_user set unit_id = ?, updated_at = now() where unit_id = ?', [to, line.predecessor.id]);
    }
    const note = `Chuyển sang ${'{to}'} theo ${event.name}`;
    for (const g of s.grants) {
      const to = successorOf(s.byPredecessor.get(g.unit_id)!.target);
      await tx.execute('update housing_grant set unit_id = ? where id = ?', [to.id, g.id]);
      projectMoved(tx, ProjectType.HOUSING_GRANT, Number(g.id), g.status, plan.effectiveOn, note.replace('{to}', to.nameWithType), actorUserId, event.legalBasis);
    }
    for (const w of s.works) {
      const to = successorOf(s.byPredecessor.get(w.unit_id)!.target);
      await tx.execute('update memorial_work set unit_id = ? where id = ?', [to.id, w.id]);
      projectMoved(tx, ProjectType.MEMORIAL_WORK, Number(w.id), w.status, plan.effectiveOn, note.replace('{to}', to.nameWithType), actorUserId, event.legalBasis);
    }

    event.status = SuccessionStatus.APPLIED;
    event.appliedBy = tx.getReference(User, actorUserId, { wrapped: true });
    event.appliedAt = new Date();
    await tx.flush();
    return event;
  });
}

function projectMoved(em: EntityManager, type: ProjectType, id: number, status: string, on: string, note: string, actorId: number, document: string): void {
  em.create(ProjectEvent, { projectType: type, projectId: id, action: 'reorganise', fromStatus: status, toStatus: status, occurredOn: on, note: note.slice(0, 500), document: document.slice(0, 100), actor: em.getReference(User, actorId) });
}

/**
 * Funding lines are append-only: for each open project with a FUND line on the closed fund, a
 * line is appended on the successor fund for what the closed fund had not paid (open
 * disbursements block the apply, so that is the line less what was paid), pointing to the line it
 * carries over (`carriedFrom`). The approved totals count the original lines only; what each fund
 * may still pay stays the line's amount.
 */
async function carryFundingLines(em: EntityManager, fund: Fund, successorFundId: number, closingDay: string, event: UnitSuccessionEvent): Promise<void> {
  const rows = await em.execute<{ id: string; project_type: ProjectType; project_id: string; amount: string; paid: string }[]>(
    `select l.id, l.project_type, l.project_id, l.amount,
            coalesce((select sum(d.amount) from disbursement d where d.project_type = l.project_type and d.project_id = l.project_id and d.fund_id = l.fund_id and d.status = 'PAID'), 0) as paid
       from funding_line l
      where l.fund_id = ? and l.source = 'FUND'
        and ((l.project_type = 'HOUSING_GRANT' and exists (select 1 from housing_grant g where g.id = l.project_id and g.status not in (?)))
          or (l.project_type = 'MEMORIAL_WORK' and exists (select 1 from memorial_work w where w.id = l.project_id and w.status not in (?))))
      order by l.id`,
    [fund.id, HOUSING_FINAL, MEMORIAL_FINAL],
  );
  // A fund's own lines of one project are summed (a project may already hold a carried line from it).
  const byProject = new Map<string, { type: ProjectType; projectId: number; amount: number; paid: number; lineId: number }>();
  for (const r of rows) {
    const key = `${r.project_type}|${r.project_id}`;
    const entry = byProject.get(key) ?? { type: r.project_type, projectId: Number(r.project_id), amount: 0, paid: Number(r.paid), lineId: Number(r.id) };
    entry.amount += Number(r.amount);
    byProject.set(key, entry);
  }
  for (const p of byProject.values()) {
    const remaining = p.amount - p.paid;
    if (remaining <= 0) continue;
    em.create(FundingLine, {
      projectType: p.type,
      projectId: p.projectId,
      source: FundingSource.FUND,
      fund: em.getReference(Fund, successorFundId),
      amount: remaining,
      note: `Chuyển từ ${fund.name} (đóng ngày ${formatDateVi(closingDay)}) theo ${event.name}`.slice(0, 200),
      carriedFrom: em.getReference(FundingLine, p.lineId),
    });
  }
  await em.flush();
}

/** Events touching the user's scope: one of their predecessors lies in it. */
async function eventInScope(em: EntityManager, scope: Scope, id: number): Promise<boolean> {
  const [row] = await em.execute<{ n: number }[]>(
    'select count(*)::int as n from unit_succession_line l join administrative_unit u on u.id = l.predecessor_id where l.event_id = ? and u.path like ?',
    [id, `${likeEscape(scope.unitPath)}%`],
  );
  return (row?.n ?? 0) > 0;
}

const sortable = { id: 'id', name: 'name', effectiveOn: 'effectiveOn', status: 'status', createdAt: 'createdAt', appliedAt: 'appliedAt' };

function where(ctx: SignedInContext, filter: UnitSuccessionEventFilter = {}): FilterQuery<UnitSuccessionEvent> {
  const conditions: FilterQuery<UnitSuccessionEvent>[] = [{ lines: { predecessor: ctx.scope.units() } }];
  if (filter.ids) conditions.push({ id: { $in: filter.ids.map((id) => parseId(id, 'Succession event')) } });
  if (filter.status) conditions.push({ status: filter.status });
  const q = filter.q ? viFold(filter.q) : '';
  if (q) conditions.push({ $or: [{ name: { $ilike: `%${likeEscape(filter.q!.trim())}%` } }, { legalBasis: { $ilike: `%${likeEscape(filter.q!.trim())}%` } }] });
  return { $and: conditions };
}

export const successionService = {
  async list(ctx: SignedInContext, args: UnitSuccessionEventListArgs): Promise<UnitSuccessionEvent[]> {
    const { limit, offset, orderBy } = pageOptions(args, sortable, 'id', args.filter?.ids?.length);
    return ctx.em.find(UnitSuccessionEvent, where(ctx, args.filter), { limit, offset, orderBy });
  },

  count(ctx: SignedInContext, filter?: UnitSuccessionEventFilter): Promise<number> {
    return ctx.em.count(UnitSuccessionEvent, where(ctx, filter));
  },

  async get(ctx: SignedInContext, id: string | number): Promise<UnitSuccessionEvent> {
    const eventId = parseId(String(id), 'Succession event');
    const event = await ctx.em.findOne(UnitSuccessionEvent, eventId);
    if (!event || !(await eventInScope(ctx.em, ctx.scope, eventId))) throw notFound('Succession event', eventId);
    return event;
  },

  /** Records a DRAFT event after checking it against the units as they are; bad input writes nothing. */
  async create(ctx: SignedInContext, args: CreateUnitSuccessionEventArgs): Promise<UnitSuccessionEvent> {
    return ctx.em.transactional(async (em) => createSuccessionEvent(em, args, ctx.user.id, ctx.scope));
  },

  async apply(ctx: SignedInContext, id: string): Promise<UnitSuccessionEvent> {
    const event = await applySuccessionEvent(ctx.em, parseId(id, 'Succession event'), ctx.user.id, ctx.scope);
    return ctx.em.findOneOrFail(UnitSuccessionEvent, event.id, { refresh: true });
  },

  async preview(ctx: SignedInContext, id: string): Promise<UnitSuccessionPreview> {
    const event = await this.get(ctx, id);
    return preview(ctx.em, ctx.scope, event);
  },

  lines(ctx: SignedInContext, event: UnitSuccessionEvent): Promise<UnitSuccessionLine[]> {
    return ctx.em.find(UnitSuccessionLine, { event: event.id }, { orderBy: { position: 'ASC' } });
  },
};

/**
 * Records a DRAFT event (also from code: the demo seed). Checks it like `resolve` does and writes
 * it in the caller's transaction.
 */
export async function createSuccessionEvent(
  em: EntityManager,
  args: Pick<CreateUnitSuccessionEventArgs, 'name' | 'legalBasis' | 'effectiveOn' | 'lines' | 'newUnits'>,
  actorUserId: number,
  scope?: Scope,
): Promise<UnitSuccessionEvent> {
  const newUnits: NewUnitSpec[] = (args.newUnits ?? []).map((u, i) => ({
    code: u.code.trim(),
    name: u.name.trim(),
    nameWithType: u.nameWithType.trim(),
    type: u.type,
    level: u.level,
    parentId: parseId(String(u.parentId), `newUnits.${i}.parentId`),
  }));
  const specs: LineSpec[] = args.lines.map((l, i) => ({
    kind: l.kind,
    predecessorId: parseId(String(l.predecessorId), `lines.${i}.predecessorId`),
    successorId: l.successorId ? parseId(String(l.successorId), `lines.${i}.successorId`) : undefined,
    newUnitCode: l.newUnitCode?.trim() || undefined,
  }));
  await resolve(em, scope, args.effectiveOn, newUnits, specs);
  const event = em.create(UnitSuccessionEvent, {
    name: args.name.trim(),
    legalBasis: args.legalBasis.trim(),
    effectiveOn: args.effectiveOn,
    newUnits,
    createdBy: em.getReference(User, actorUserId),
  });
  specs.forEach((spec, i) =>
    em.create(UnitSuccessionLine, {
      event,
      position: i + 1,
      kind: spec.kind,
      predecessor: em.getReference(AdministrativeUnit, spec.predecessorId),
      successor: spec.successorId ? em.getReference(AdministrativeUnit, spec.successorId) : undefined,
      newUnitCode: spec.newUnitCode,
    }),
  );
  await em.flush();
  return event;
}
