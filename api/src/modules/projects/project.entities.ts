import { BigIntType, Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLLocalDate } from '../../common/local-date';
import { Money } from '../../common/money';
import { ProjectType } from '../disbursements/disbursement.entity';
import { Fund } from '../funds/fund.entity';
import { User } from '../users/user.entity';

export enum FundingSource {
  CENTRAL_BUDGET = 'CENTRAL_BUDGET',
  LOCAL_BUDGET = 'LOCAL_BUDGET',
  FUND = 'FUND',
  SPONSOR = 'SPONSOR',
  FAMILY = 'FAMILY',
}
registerEnumType(FundingSource, {
  name: 'FundingSource',
  description: 'Ngân sách trung ương, ngân sách địa phương, một quỹ trong Sổ Quỹ, nhà tài trợ, gia đình/đóng góp khác. Only FUND lines move money here.',
});

/**
 * One source of a project's financing. Only FUND lines move money in Sổ Quỹ (through disbursements
 * linked to the project, at most the line's amount); the others are recorded for the reports.
 * Lines are fixed when the project is approved: the database refuses changes.
 */
@ObjectType({ description: 'A funding line (nguồn vốn) of a housing grant or memorial work' })
@Entity({ tableName: 'funding_line' })
@Index({ properties: ['projectType', 'projectId'] })
@Check({ name: 'funding_line_check', expression: "(amount > 0) AND ((source = 'FUND'::funding_source) = (fund_id IS NOT NULL))" })
export class FundingLine {
  [OptionalProps]?: 'fundId' | 'carriedFromId';

  @Field(() => ID)
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field(() => ProjectType)
  @Enum({ items: () => ProjectType, nativeEnumName: 'project_type' })
  projectType!: ProjectType;

  @Field(() => ID)
  @Property({ type: new BigIntType('number') })
  projectId!: number;

  @Field(() => FundingSource)
  @Enum({ items: () => FundingSource, nativeEnumName: 'funding_source' })
  source!: FundingSource;

  @ManyToOne({ entity: () => Fund, ref: true, nullable: true, index: true, deleteRule: 'restrict' })
  fund?: Ref<Fund>;

  @Field(() => String, { nullable: true, description: "A sponsor's name, or a note on the source" })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  note?: string;

  @Field(() => Money)
  @Property({ type: new BigIntType('number') })
  amount!: number;

  /**
   * A line appended when a reorganisation closed the fund of `carriedFrom`: the successor fund
   * takes over what the closed fund had not paid. Not part of the approved total (the original
   * line is), only of what each fund may pay.
   */
  @ManyToOne({ entity: () => FundingLine, ref: true, nullable: true, deleteRule: 'restrict' })
  carriedFrom?: Ref<FundingLine>;

  @Field(() => ID, { nullable: true, description: 'For a FUND line: the fund that pays' })
  get fundId(): number | undefined {
    return this.fund?.id;
  }

  @Field(() => ID, { nullable: true, description: 'The line of a fund closed in a reorganisation whose unpaid part this line carries over' })
  get carriedFromId(): number | undefined {
    return this.carriedFrom?.id;
  }
}

/** One step of a project's lifecycle: who took it, when, and with which document. Append-only. */
@ObjectType({ description: 'A step in the timeline of a housing grant or memorial work' })
@Entity({ tableName: 'project_event' })
@Index({ properties: ['projectType', 'projectId'] })
export class ProjectEvent {
  [OptionalProps]?: 'at' | 'actorId';

  @Field(() => ID)
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field(() => ProjectType)
  @Enum({ items: () => ProjectType, nativeEnumName: 'project_type' })
  projectType!: ProjectType;

  @Field(() => ID)
  @Property({ type: new BigIntType('number') })
  projectId!: number;

  @Field(() => String, { description: 'The step: apply, verify, approve, …' })
  @Property({ type: 'string', columnType: 'text' })
  action!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  fromStatus?: string;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  toStatus!: string;

  @Field(() => GraphQLLocalDate, { description: 'The date the step happened (of the decision, minutes, …)' })
  @Property({ type: 'date' })
  occurredOn!: string;

  @Field(() => String, { nullable: true, description: 'Decision, minutes or other document number' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  document?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  note?: string;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  actor!: Ref<User>;

  @Field(() => GraphQLDateTimeISO, { description: 'When it was recorded' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field(() => ID)
  get actorId(): number {
    return this.actor.id;
  }
}
