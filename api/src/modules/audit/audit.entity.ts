import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';

/**
 * One event per mutation, written in the mutation's own transaction: who, when, what, on which
 * record, the fields before and after, the request id and the client address. Append-only: the
 * database refuses UPDATE and DELETE (migration Migration20261128050000).
 */
@ObjectType({ description: 'One mutation, as recorded in the audit trail (nhật ký)' })
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['at'] })
@Index({ properties: ['targetType', 'targetId'] })
@Index({ properties: ['userId', 'at'] })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  /** The signed-in user; none for a sign-in (see the target). */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  userId?: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  userEmail?: string;

  /** The unit path of the user (or of the target) when it happened: scopes who may read the event. */
  @Property({ type: 'string', columnType: 'text' })
  unitPath!: string;

  @Field(() => String, { description: 'The mutation, e.g. createDonation' })
  @Property({ type: 'string', columnType: 'text' })
  operation!: string;

  @Field(() => String, { nullable: true, description: 'The type of the record acted on, e.g. Donation' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  targetType?: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  targetId?: string;

  @Field(() => [GraphQLJSONObject], { description: 'Each changed record: {entity, id, kind, before, after}' })
  @Property({ type: 'json', columnType: 'jsonb' })
  changes!: Record<string, unknown>[];

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  requestId!: string;

  @Field(() => String)
  @Property({ type: 'string', columnType: 'text' })
  clientAddress!: string;
}
