import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { Config } from './config';
import type { RequestContext } from './common/context';
import { formatError } from './common/format-error';
import { httpErrorHandler } from './common/http-errors';
import { armor, parseOptions, securityHeaders } from './common/security';
import type { Orm } from './database/orm';
import { AuthService } from './modules/auth/auth.service';
import { exportRoute } from './common/export-route';
import { publicPages } from './modules/campaigns/campaign.public-pages';
import { exportDisbursements } from './modules/disbursements/disbursement.export';
import { donationImportRoute } from './modules/donations/donation.import-route';
import { exportHousingReport, exportMemorialReport } from './modules/reports/program-reports';
import { exportStatement } from './modules/statements/statement.export';
import { TokenService } from './modules/auth/token';
import { buildAppSchema } from './schema';

export interface App {
  server: http.Server;
  /** Stops accepting requests, lets running ones finish (Apollo's drain plugin), then stops Apollo. */
  close(): Promise<void>;
}

/** Options of `createApp` for tests; production passes none. */
export interface AppOptions {
  /**
   * Called each time a resolver is about to run (a type-graphql global middleware on every field):
   * tests count the calls to prove that a refused document runs none.
   */
  onResolve?: (info: GraphQLResolveInfo) => void;
}

const requestIdPattern = /^[\w.-]{1,64}$/;

/**
 * `Cache-Control: no-store` on every GraphQL answer: what Apollo's default cache-control plugin answered
 * (no type or field declares a cache hint, so every answer was uncacheable), without its hook on every
 * field of every answer (a list of 50 rows resolves about a thousand fields).
 */
const noStore: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

export async function createApp(config: Config, orm: Orm, jwtSecret: string, options: AppOptions = {}): Promise<App> {
  const tokens = new TokenService(jwtSecret, config.jwt.ttlSeconds);
  const auth = new AuthService(tokens);
  const { onResolve } = options;
  const probe: MiddlewareFn[] = onResolve
    ? [
        ({ info }, next) => {
          onResolve(info);
          return next();
        },
      ]
    : [];
  const schema = await buildAppSchema(tokens, probe);
  const httpServer = http.createServer();
  const protection = armor();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: config.graphql.introspection,
    csrfPrevention: true,
    // main.ts stops the server, then the database, in order.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    parseOptions,
    validationRules: protection.validationRules,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      noStore,
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.graphql.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config.env === 'production'));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const context = async (req: Request, res: express.Response): Promise<RequestContext> => {
    const header = req.header('x-request-id');
    const requestId = header && requestIdPattern.test(header) ? header : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const em = orm.em.fork();
    const ip = clientAddress(req);
    return { requestId, config, ip, em, loaders: new Map(), ...(await auth.authenticate(em, req.header('authorization'))) };
  };
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: ({ req, res }) => context(req, res) }));
  app.get('/export/disbursements.:format', exportRoute(schema, context, 'DisbursementFilter', exportDisbursements));
  app.get('/export/housing-report.:format', exportRoute(schema, context, 'HousingGrantFilter', exportHousingReport));
  app.get('/export/memorial-report.:format', exportRoute(schema, context, 'MemorialWorkFilter', exportMemorialReport));
  app.get('/export/statement.:format', exportRoute(schema, context, 'StatementInput', exportStatement, ['xlsx', 'pdf']));
  // Bank statement imports (sao kê): the CSV as the body, read and size-limited by the route itself.
  app.post('/import/donations/:step', donationImportRoute(context));
  // Public transparency pages of published campaigns: no sign-in, nothing else.
  app.use('/public', publicPages(orm));
  serveConsole(app, config.adminDist);
  app.use(httpErrorHandler());
  httpServer.on('request', app);
  return {
    server: httpServer,
    async close() {
      await apollo.stop();
    },
  };
}

function clientAddress(req: Request): string {
  return (req.ip ?? req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

/** The built react-admin console at `/`, with client-side routes falling back to index.html. */
function serveConsole(app: express.Express, dist: string): void {
  const index = path.join(dist, 'index.html');
  app.use(express.static(dist, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
  app.get('/{*splat}', (_req, res) => {
    if (fs.existsSync(index)) {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    } else {
      res.status(503).type('text/plain').send('The console is not built: run `npm run build:admin` (npm start does it).');
    }
  });
}

function noCacheForHtml(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
