import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128032215 } from './Migration20261128032215';
import { Migration20261128040000 } from './Migration20261128040000';
import { Migration20261128050000 } from './Migration20261128050000';
import { Migration20261128060000 } from './Migration20261128060000';
import { Migration20261128070000 } from './Migration20261128070000';
import { Migration20261128080000 } from './Migration20261128080000';
import { Migration20261128090000 } from './Migration20261128090000';
import { Migration20261128100000 } from './Migration20261128100000';
import { Migration20261128110000 } from './Migration20261128110000';
import { Migration20261128120000 } from './Migration20261128120000';
import { Migration20261128130000 } from './Migration20261128130000';
import { Migration20261128140000 } from './Migration20261128140000';
import { Migration20261128150000 } from './Migration20261128150000';
import { Migration20261128170000 } from './Migration20261128170000';
import { Migration20261128180000 } from './Migration20261128180000';

/** Every migration in order. `npm run migration:create` writes a new file; add it here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128032215', class: Migration20261128032215 },
  { name: 'Migration20261128040000', class: Migration20261128040000 },
  { name: 'Migration20261128050000', class: Migration20261128050000 },
  { name: 'Migration20261128060000', class: Migration20261128060000 },
  { name: 'Migration20261128070000', class: Migration20261128070000 },
  { name: 'Migration20261128080000', class: Migration20261128080000 },
  { name: 'Migration20261128090000', class: Migration20261128090000 },
  { name: 'Migration20261128100000', class: Migration20261128100000 },
  { name: 'Migration20261128110000', class: Migration20261128110000 },
  { name: 'Migration20261128120000', class: Migration20261128120000 },
  { name: 'Migration20261128130000', class: Migration20261128130000 },
  { name: 'Migration20261128140000', class: Migration20261128140000 },
  { name: 'Migration20261128150000', class: Migration20261128150000 },
  { name: 'Migration20261128170000', class: Migration20261128170000 },
  { name: 'Migration20261128180000', class: Migration20261128180000 },
];
