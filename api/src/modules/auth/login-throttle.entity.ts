import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Failed sign-ins per client address and per submitted email, kept in PostgreSQL so that every
 * API replica sees the same counts.
 */
@Entity({ tableName: 'login_throttle' })
@Check({ name: 'login_throttle_failures_check', expression: 'failures > 0' })
export class LoginThrottle {
  /** "ip:203.0.113.5" or "email:someone@example.org" */
  @PrimaryKey({ type: 'string', columnType: 'text' })
  key!: string;

  @Property({ type: 'integer' })
  failures!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  windowStartedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lockedUntil?: Date;
}
