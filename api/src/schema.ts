import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType, type MiddlewareFn, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './common/auth-checker';
import { guardTextArguments } from './common/input-guard';
import { auditMutationFields } from './modules/audit/audit.middleware';
import { AuthResolver } from './modules/auth/auth.resolver';
import { AuthService } from './modules/auth/auth.service';
import { TokenService } from './modules/auth/token';
import { AuditResolver } from './modules/audit/audit.resolver';
import { CampaignResolver, PledgeResolver } from './modules/campaigns/campaign.resolver';
import { childrenResolvers } from './modules/children/children.resolver';
import { DashboardResolver } from './modules/dashboard/dashboard.resolver';
import { DisbursementResolver } from './modules/disbursements/disbursement.resolver';
import { DonationResolver } from './modules/donations/donation.resolver';
import { DonorResolver } from './modules/donors/donor.resolver';
import { FundResolver } from './modules/funds/fund.resolver';
import { LedgerResolver } from './modules/ledger/ledger.resolver';
import { HouseholdResolver } from './modules/households/household.resolver';
import { HousingGrantResolver } from './modules/housing/housing-grant.resolver';
import { MemorialWorkResolver } from './modules/memorial/memorial-work.resolver';
import { PolicyRateResolver } from './modules/policy/policy-rate.resolver';
import { FundingLineResolver, ProjectEventResolver } from './modules/projects/project.resolver';
import { ProgramReportResolver } from './modules/reports/program-reports';
import { UnitSuccessionResolver } from './modules/reorganisation/succession.resolver';
import { StatementResolver } from './modules/statements/statement.resolver';
import { UnitResolver } from './modules/units/unit.resolver';
import { UserResolver } from './modules/users/user.resolver';

export const resolvers: NonEmptyArray<new (...args: never[]) => object> = [
  AuthResolver,
  UnitResolver,
  UserResolver,
  FundResolver,
  LedgerResolver,
  DonorResolver,
  CampaignResolver,
  PledgeResolver,
  DonationResolver,
  AuditResolver,
  DisbursementResolver,
  PolicyRateResolver,
  HouseholdResolver,
  HousingGrantResolver,
  MemorialWorkResolver,
  FundingLineResolver,
  ProjectEventResolver,
  ProgramReportResolver,
  DashboardResolver,
  UnitSuccessionResolver,
  StatementResolver,
  ...childrenResolvers,
];

/**
 * Builds the executable schema; resolvers get their services through this small container.
 * `extraMiddlewares` run before the audit middleware on every field (tests count resolver calls with it).
 */
export async function buildAppSchema(tokens: TokenService, extraMiddlewares: MiddlewareFn[] = []): Promise<GraphQLSchema> {
  const instances = new Map<unknown, object>([[AuthResolver, new AuthResolver(new AuthService(tokens))]]);
  const container: ContainerType = {
    get(cls: new () => object) {
      let instance = instances.get(cls);
      if (!instance) instances.set(cls, (instance = new cls()));
      return instance;
    },
  };
  const schema = await buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    container,
    // Tests only (resolver counters); none in production, so object fields stay plain (see auditMutationFields).
    globalMiddlewares: extraMiddlewares,
    // GraphQL already shapes the input; class-validator adds the rules. Args classes without rules are valid.
    validate: { forbidUnknownValues: false },
  });
  // Text arguments checked before anything else; every mutation in one transaction with its audit event.
  return auditMutationFields(guardTextArguments(schema));
}

/** The SDL committed under schema/: sorted so that a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
