import 'reflect-metadata';
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { Role } from '../common/permissions';
import { migrate } from '../database/orm';
import { AdministrativeUnit } from '../modules/units/unit.entity';
import { createUserRecord } from '../modules/users/user.service';
import { withDatabase } from './with-database';

const usage = 'usage: npm run user:create -- --email a@b.vn --role ADMIN|FUND_MANAGER|GRANT_OFFICER|INSPECTOR --unit <unit code> [--name "Full Name"] [--password …]';

async function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    throw new Error(`no password given: pass --password or type it on standard input\n${usage}`);
  }
  process.stdout.write(question);
  return new Promise((resolve) => {
    let value = '';
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.setEncoding('utf8');
    const onData = (ch: string) => {
      if (ch === '\r' || ch === '\n' || ch === '\u0004') {
        process.stdin.setRawMode(false);
        process.stdin.pause();
        process.stdin.off('data', onData);
        process.stdout.write('\n');
        resolve(value);
      } else if (ch === '\u0003') {
        process.exit(130);
      } else if (ch === '\u007f') {
        value = value.slice(0, -1);
      } else {
        value += ch;
      }
    };
    process.stdin.on('data', onData);
  });
}

void withDatabase(async (orm) => {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.email || !values.role || !values.unit) throw new Error(`--email, --role and --unit are required\n${usage}`);
  if (!Object.values(Role).includes(values.role as Role)) throw new Error(`--role "${values.role}" is not a role\n${usage}`);
  await migrate(orm);
  const em = orm.em.fork();
  const unit = await em.findOne(AdministrativeUnit, { code: values.unit });
  if (!unit) throw new Error(`No administrative unit has the code ${values.unit}: run npm run db:seed first, or check the code`);
  const password = values.password ?? (await askHidden('Password: '));
  const user = await createUserRecord(em, {
    email: values.email,
    fullName: values.name ?? values.email.split('@')[0]!,
    role: values.role as Role,
    unit,
    password,
  });
  console.log(`Created user ${user.email} (${user.role}, ${unit.nameWithType}).`);
});
