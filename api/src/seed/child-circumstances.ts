import type { EntityManager } from '@mikro-orm/postgresql';
import { ChildCircumstance } from '../modules/children/child.entity';
import categories from './domain-categories.json';

/** The groups of children in special circumstances (Law on Children 2016, art. 10). Idempotent. */
export async function seedChildCircumstances(em: EntityManager): Promise<number> {
  const existing = new Set((await em.find(ChildCircumstance, {})).map((c) => c.code));
  const source = categories.childCircumstances.source;
  let created = 0;
  for (const item of categories.childCircumstances.items) {
    if (existing.has(item.code)) continue;
    em.create(ChildCircumstance, { code: item.code, name: item.vi, source });
    created += 1;
  }
  await em.flush();
  return created;
}
