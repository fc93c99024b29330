import { IsOptional } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { signedIn, type RequestContext, type SignedInContext } from '../../common/context';
import { likeEscape } from '../../common/text';
import { IdsFilter, listArgsOf, ListMetadata, MAX_PAGE_SIZE, parseId } from '../../common/pagination';
import { badInput } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { fundService } from '../funds/fund.service';
import { LedgerLine, LedgerVerification } from './ledger.types';
import { verifyFundLedger } from './ledger.verify';

@InputType()
export class LedgerLineFilter extends IdsFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  fundId?: string;
}

export const { PageArgs: LedgerLineListArgs, FilterArgs: LedgerLineFilterArgs } = listArgsOf(LedgerLineFilter);
export type LedgerLineListArgs = InstanceType<typeof LedgerLineListArgs>;
export type LedgerLineFilterArgs = InstanceType<typeof LedgerLineFilterArgs>;

function where(ctx: SignedInContext, filter: LedgerLineFilter = {}): { sql: string; params: unknown[] } {
  const parts = ['u.path like ?'];
  const params: unknown[] = [`${likeEscape(ctx.scope.unitPath)}%`];
  if (filter.fundId) {
    parts.push('t.fund_id = ?');
    params.push(parseId(filter.fundId, 'Fund'));
  }
  if (filter.ids?.length) {
    parts.push('t.id in (?)');
    params.push(filter.ids.map((id) => parseId(id, 'Ledger line')));
  }
  return { sql: `from ledger_transaction t join fund f on f.id = t.fund_id join administrative_unit u on u.id = f.unit_id where ${parts.join(' and ')}`, params };
}

const sortColumns: Record<string, string> = { id: 't.id', seq: 't.seq', occurredOn: 't.occurred_on', kind: 't.kind', createdAt: 't.created_at' };

@Resolver(() => LedgerLine)
export class LedgerResolver {
  @Authorized(Permission.LedgerRead)
  @Query(() => [LedgerLine], { description: "Ledger transactions of the funds in your scope, newest first by default" })
  async allLedgerLines(@Ctx() context: RequestContext, @Args(() => LedgerLineListArgs) args: LedgerLineListArgs): Promise<LedgerLine[]> {
    const ctx = signedIn(context);
    const column = sortColumns[args.sortField ?? 'seq'];
    if (!column) throw badInput(`Cannot sort by "${args.sortField}": sort by one of ${Object.keys(sortColumns).join(', ')}`, 'sortField');
    const order = (args.sortOrder ?? (args.sortField ? 'ASC' : 'DESC')).toUpperCase() === 'DESC' ? 'desc' : 'asc';
    const perPage = Math.min(args.perPage ?? 25, MAX_PAGE_SIZE);
    const { sql, params } = where(ctx, args.filter);
    const rows = await ctx.em.execute<Record<string, string>[]>(
      `select t.id, t.fund_id, t.seq, t.kind, t.occurred_on::text, t.description, t.source_type, t.source_id, t.hash, t.created_at,
              coalesce((select sum(e.amount) from ledger_entry e join ledger_account a on a.id = e.account_id where e.transaction_id = t.id and a.code = 'CASH'), 0) as cash_change,
              coalesce((select sum(e.amount) from ledger_entry e join ledger_account a on a.id = e.account_id where e.transaction_id = t.id and a.code = 'GOODS'), 0) as goods_change
       ${sql} order by ${column} ${order}, t.id ${order} limit ? offset ?`,
      [...params, perPage, (args.page ?? 0) * perPage],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      fundId: Number(r.fund_id),
      seq: Number(r.seq),
      kind: r.kind!,
      occurredOn: r.occurred_on!,
      description: r.description!,
      sourceType: r.source_type!,
      sourceId: Number(r.source_id),
      cashChange: Number(r.cash_change),
      goodsChange: Number(r.goods_change),
      hash: r.hash!,
      createdAt: new Date(r.created_at!),
    }));
  }

  @Authorized(Permission.LedgerRead)
  @Query(() => ListMetadata)
  async _allLedgerLinesMeta(@Ctx() context: RequestContext, @Args(() => LedgerLineFilterArgs) args: LedgerLineFilterArgs): Promise<ListMetadata> {
    const ctx = signedIn(context);
    const { sql, params } = where(ctx, args.filter);
    const [row] = await ctx.em.execute<{ count: string }[]>(`select count(*) as count ${sql}`, params);
    return { count: Number(row!.count) };
  }

  @Authorized(Permission.LedgerVerify)
  @Query(() => LedgerVerification, { description: "Recomputes a fund's hash chain and balances: ok, or the first transaction that does not match" })
  async verifyLedger(@Ctx() context: RequestContext, @Arg('fundId', () => ID) fundId: string): Promise<LedgerVerification> {
    const ctx = signedIn(context);
    const fund = await fundService.get(ctx, fundId);
    return { fundId: fund.id, ...(await verifyFundLedger(ctx.em, fund.id)) };
  }
}
