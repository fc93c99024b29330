import type { EntityManager } from '@mikro-orm/postgresql';
import { Fund, FundKind } from '../modules/funds/fund.entity';
import { AdministrativeUnit, UnitLevel } from '../modules/units/unit.entity';

/**
 * The funds every unit holds: a Gratitude Fund (Quỹ Đền ơn đáp nghĩa) for the province, each
 * district and each commune, and the province's Child Protection Fund (Quỹ Bảo trợ trẻ em).
 * Idempotent: existing funds are kept. Units ended by a reorganisation get none: the districts'
 * funds exist because the units are seeded as before 1/7/2025, and the reform closes them (their
 * demo activity stops on 30/6/2025, see DISTRICTS_LAST_DAY).
 */
export async function seedFunds(em: EntityManager): Promise<number> {
  const units = await em.find(AdministrativeUnit, { validTo: null }, { orderBy: { id: 'ASC' } });
  const existing = new Set((await em.find(Fund, {})).map((f) => `${f.kind}|${f.unit.id}`));
  let created = 0;
  const add = (kind: FundKind, unit: AdministrativeUnit, name: string) => {
    if (existing.has(`${kind}|${unit.id}`)) return;
    em.create(Fund, { kind, unit, name });
    created += 1;
  };
  for (const unit of units) {
    add(FundKind.GRATITUDE, unit, `Quỹ Đền ơn đáp nghĩa ${unit.nameWithType}`);
    if (unit.level === UnitLevel.PROVINCE) add(FundKind.CHILD_PROTECTION, unit, `Quỹ Bảo trợ trẻ em ${unit.nameWithType}`);
  }
  await em.flush();
  return created;
}
