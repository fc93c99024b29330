import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Facts about this installation: when demo data was seeded, the generated signing secret. */
@Entity({ tableName: 'app_meta' })
export class AppMeta {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  key!: string;

  @Property({ type: 'string', columnType: 'text' })
  value!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
