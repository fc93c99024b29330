import { ConfigError, loadConfig } from '../../api/src/config';

const secret = 'a'.repeat(32);

describe('configuration', () => {
  it('defaults to the embedded database, port 4000, demo data and the console tools on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 4000, databaseUrl: undefined, seedDemo: true, graphql: { introspection: true, sandbox: true } });
    expect(config.embedded.dataDir).toMatch(/\.data[/\\]postgres$/);
  });

  it('seeds nothing with DATABASE_URL unless SEED_DEMO=1, and turns introspection off in production', () => {
    const url = 'postgres://u:p@db:5432/soquy';
    expect(loadConfig({ DATABASE_URL: url, JWT_SECRET: secret }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: url, JWT_SECRET: secret, SEED_DEMO: '1' }).seedDemo).toBe(true);
    const production = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, JWT_SECRET: secret });
    expect(production.graphql).toEqual({ introspection: false, sandbox: false });
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, JWT_SECRET: secret, GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT="abc" is not valid: expected a port number/],
    [{ PORT: '70000' }, /PORT="70000" is not valid/],
    [{ EMBEDDED_PG_PORT: '-1' }, /EMBEDDED_PG_PORT="-1" is not valid/],
    [{ NODE_ENV: 'prod' }, /NODE_ENV="prod" is not valid: expected one of development, production, test/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO="maybe" is not valid/],
    [{ DATABASE_URL: 'mysql://x@y/z', JWT_SECRET: secret }, /must start with postgres:\/\//],
    [{ DATABASE_URL: 'not a url', JWT_SECRET: secret }, /not a valid URL/],
    [{ DATABASE_URL: 'postgres://u:p@host:5432', JWT_SECRET: secret }, /names no database/],
    [{ DATABASE_URL: 'postgres://u:p@host:5432/db' }, /JWT_SECRET is required with DATABASE_URL/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET is too short/],
    [{ JWT_TTL_SECONDS: '0' }, /JWT_TTL_SECONDS="0" is not valid/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud" is not valid/],
  ])('refuses %p with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
