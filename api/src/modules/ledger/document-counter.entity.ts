import { Check, Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Fund } from '../funds/fund.entity';

/**
 * Last number used per fund, document type (PT phiếu thu, PC phiếu chi) and year. Incremented in
 * the same transaction as the document: a rollback gives the number back, so numbers have no gaps.
 */
@Entity({ tableName: 'document_counter' })
@Check({ name: 'document_counter_last_number_check', expression: "last_number > 0" })
export class DocumentCounter {
  @ManyToOne({ entity: () => Fund, ref: true, primary: true, deleteRule: 'restrict' })
  fund!: Ref<Fund>;

  @PrimaryKey({ type: 'string', columnType: 'text' })
  docType!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  lastNumber!: number;
}
