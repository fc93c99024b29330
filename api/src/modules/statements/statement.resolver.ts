import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { signedIn, type RequestContext } from '../../common/context';
import { Permission } from '../../common/permissions';
import { statementService } from './statement.service';
import { FundStatement, StatementInput } from './statement.types';

@Resolver(() => FundStatement)
export class StatementResolver {
  @Authorized(Permission.StatementRead)
  @Query(() => FundStatement, { description: 'Báo cáo thu chi quỹ: a fund, or every fund of a kind in a unit’s subtree, over a period' })
  fundStatement(@Ctx() context: RequestContext, @Arg('input', () => StatementInput) input: StatementInput): Promise<FundStatement> {
    return statementService.statement(signedIn(context), input);
  }
}
