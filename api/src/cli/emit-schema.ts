import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { TokenService } from '../modules/auth/token';
import { buildAppSchema, printSortedSchema } from '../schema';

/** Writes schema/schema.graphql from the code; a test fails when the committed file drifts. */
export const schemaFile = path.resolve(__dirname, '../../../', __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '', 'schema/schema.graphql');

async function main() {
  const schema = await buildAppSchema(new TokenService('unused-for-printing-the-schema-only', 60));
  fs.writeFileSync(schemaFile, printSortedSchema(schema));
  console.log(`Wrote ${path.relative(process.cwd(), schemaFile)}`);
}

void main();
