import type { EntityManager } from '@mikro-orm/postgresql';
import { Fund, FundKind } from '../../api/src/modules/funds/fund.entity';

/** The demo Gratitude Fund (or another kind) of the unit with this code. */
export async function fundOf(em: EntityManager, unitCode: string, kind = FundKind.GRATITUDE): Promise<Fund> {
  return em.fork().findOneOrFail(Fund, { kind, unit: { code: unitCode } });
}
