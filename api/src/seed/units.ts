import type { EntityManager } from '@mikro-orm/postgresql';
import { AdministrativeUnit, UnitLevel } from '../modules/units/unit.entity';
import data from './nam-dinh-admin-units.json';

interface UnitRow {
  code: string;
  name: string;
  nameWithType: string;
  type: string;
  level: keyof typeof UnitLevel;
  parentCode: string | null;
}

/**
 * The last day of Việt Nam's districts: the district level was abolished on 1/7/2025. The seeds are
 * the units before the reform; the demo data records nothing of a district unit or fund after this
 * day and leaves nothing open on them, so that the reform can close their funds on this day.
 */
export const DISTRICTS_LAST_DAY = '2025-06-30';

const levelOrder = [UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE];

/**
 * Nam Định's 237 units as they stood before the reform of 1 July 2025 (General Statistics
 * Office codes). Idempotent: units whose code exists are left as they are.
 */
export async function seedUnits(em: EntityManager): Promise<number> {
  const rows = (data.units as UnitRow[]).slice();
  const existing = new Map((await em.find(AdministrativeUnit, {})).map((u) => [u.code, u]));
  let created = 0;
  for (const level of levelOrder) {
    for (const row of rows.filter((r) => r.level === level && !existing.has(r.code))) {
      const parent = row.parentCode ? existing.get(row.parentCode) : undefined;
      if (row.parentCode && !parent) throw new Error(`Seed unit ${row.code} names a parent ${row.parentCode} that does not exist`);
      const unit = em.create(AdministrativeUnit, {
        code: row.code,
        name: row.name,
        nameWithType: row.nameWithType,
        type: row.type,
        level,
        parent,
      });
      existing.set(row.code, unit);
      created += 1;
    }
    await em.flush();
  }
  return created;
}
