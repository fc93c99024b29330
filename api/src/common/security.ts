import type { NextFunction, Request, Response } from 'express';
import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Limits checked before any resolver runs. */
export const queryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 3000,
  maxCost: 5000,
} as const;

/**
 * The token limit is graphql-js's own parser option (Apollo's `parseOptions`): a document over it fails
 * to parse like any syntax error (GRAPHQL_PARSE_FAILED, HTTP 400). graphql-armor's token plugin
 * re-parsed the document in a hook where every syntax error, over the limit or not, became an HTTP 500.
 */
export const parseOptions = { maxTokens: queryLimits.maxTokens } as const;

export function armor() {
  return new ApolloArmor({
    maxDepth: { n: queryLimits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: queryLimits.maxAliases },
    maxDirectives: { n: queryLimits.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { maxCost: queryLimits.maxCost, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/** Security headers on every answer (what helmet would set, for this app's needs). */
export function securityHeaders(production: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (production) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (!req.path.startsWith('/graphql')) {
      // The console: its own scripts and styles only (react-admin's MUI injects style elements).
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
      );
    }
    next();
  };
}
