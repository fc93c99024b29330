import { Field, ObjectType } from 'type-graphql';
import { Money } from '../../common/money';

@ObjectType({ description: 'Cash restricted to one purpose (tiền ủng hộ có địa chỉ)' })
export class EarmarkedBalance {
  @Field(() => String, { description: 'A program category (e.g. HOUSING_NEW) or one project' })
  purpose!: string;

  @Field(() => Money)
  amount!: number;
}
