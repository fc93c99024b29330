/**
 * Runs SQL statements on a kept benchmark database and prints their rows (e.g. EXPLAIN ANALYZE plans).
 * Run: tsc -p tsconfig.bench.json && node dist/bench/sql.js --data DIR "explain analyze select …" […]
 */
import 'reflect-metadata';
import { openProvince } from './common';

async function main() {
  const province = await openProvince();
  try {
    const at = process.argv.indexOf('--data');
    for (const sql of process.argv.slice(2).filter((_, i) => i + 2 !== at && i + 2 !== at + 1)) {
      console.log(`-- ${sql}`);
      const rows = (await province.orm.em.getConnection().execute(sql)) as Record<string, unknown>[];
      for (const row of rows) console.log(Object.values(row).join(' | '));
    }
  } finally {
    await province.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
