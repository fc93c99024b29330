import type { EntityManager } from '@mikro-orm/postgresql';
import { MeritCategory } from '../modules/households/household.entity';
import categories from './domain-categories.json';

/** The categories of people with meritorious service (Ordinance 02/2020/UBTVQH14, art. 3). Idempotent. */
export async function seedMeritCategories(em: EntityManager): Promise<number> {
  const existing = new Set((await em.find(MeritCategory, {})).map((c) => c.code));
  const source = categories.meritCategories.source;
  let created = 0;
  for (const item of categories.meritCategories.items) {
    if (existing.has(item.code)) continue;
    em.create(MeritCategory, { code: item.code, name: item.vi, source });
    created += 1;
  }
  await em.flush();
  return created;
}
