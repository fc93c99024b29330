import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export async function getMeta(em: EntityManager, key: string): Promise<string | undefined> {
  const rows: { value: string }[] = await em.execute('select value from app_meta where key = ?', [key]);
  return rows[0]?.value;
}

export async function setMeta(em: EntityManager, key: string, value: string): Promise<void> {
  await em.execute('insert into app_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value, updated_at = now()', [key, value]);
}

/** The token-signing secret of an embedded installation: generated once, kept with its data. */
export async function generatedJwtSecret(em: EntityManager): Promise<string> {
  await em.execute("insert into app_meta (key, value) values ('jwt_secret', ?) on conflict (key) do nothing", [randomBytes(48).toString('base64url')]);
  return (await getMeta(em, 'jwt_secret'))!;
}
