import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Money } from '../../common/money';
import { userName } from '../users/user.names';
import { FundingLine, ProjectEvent } from './project.entities';
import { paidByFund } from './project.service';

@Resolver(() => FundingLine)
export class FundingLineResolver {
  @FieldResolver(() => Money, { description: 'For a FUND line: what its fund has paid for the project' })
  async paidAmount(@Root() line: FundingLine, @Ctx() ctx: RequestContext): Promise<number> {
    if (!line.fund) return 0;
    return (await paidByFund(ctx, line.projectType, line.projectId)).get(line.fund.id) ?? 0;
  }
}

@Resolver(() => ProjectEvent)
export class ProjectEventResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who took the step' })
  actorName(@Root() event: ProjectEvent, @Ctx() ctx: RequestContext) {
    return userName(ctx, event.actor.id);
  }
}
