import fs from 'node:fs';

export default async function globalTeardown() {
  const started = globalThis.__SOQUY_TEST_PG__;
  if (!started) return;
  await started.pg.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
}
