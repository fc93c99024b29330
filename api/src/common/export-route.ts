import type { Request, Response } from 'express';
import { coerceInputValue, type GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { signedIn, type RequestContext } from './context';
import { AppError, ErrorCode } from './errors';
import { assertAcceptableText } from './input-guard';
import { logger } from './logger';

function parseJson(text: string, typeName: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `filter must be a JSON object of ${typeName}`);
  }
}

const httpStatus: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export type ExportHandler<F, X extends ExportFormat = 'csv' | 'xlsx'> = (ctx: RequestContext, res: Response, format: X, filter: F, req: Request) => Promise<void>;

/**
 * An Express route of an export (GET /export/<name>.csv|.xlsx?filter=<JSON>): the filter is
 * checked against the schema's input type `filterType` (as GraphQL would) once the user is signed in
 * by the same bearer token (refused first without it); errors answer in the GraphQL error shape with an HTTP status.
 * `formats` lists the extensions served (CSV and XLSX unless told).
 */
export function exportRoute<F, X extends ExportFormat = 'csv' | 'xlsx'>(
  schema: GraphQLSchema,
  context: (req: Request, res: Response) => Promise<RequestContext>,
  filterTypeName: string,
  handler: ExportHandler<F, X>,
  formats: readonly X[] = ['csv', 'xlsx'] as X[],
) {
  const filterType = schema.getType(filterTypeName) as GraphQLInputObjectType;
  return async (req: Request, res: Response): Promise<void> => {
    const format = req.params.format as X;
    try {
      // Who asks first: without a valid sign-in nothing else is said (not even what the filter lacks).
      const ctx = await context(req, res);
      signedIn(ctx);
      if (!formats.includes(format)) throw new AppError(ErrorCode.NOT_FOUND, `Export as ${formats.map((f) => `.${f}`).join(' or ')}`);
      const raw = req.query.filter ? parseJson(String(req.query.filter), filterTypeName) : {};
      assertAcceptableText({ filter: raw });
      const filter = coerceInputValue(raw, filterType, (path, _value, error) => {
        throw new AppError(ErrorCode.BAD_USER_INPUT, `filter${path.length ? `.${path.join('.')}` : ''}: ${error.message}`);
      }) as F;
      await handler(ctx, res, format, filter, req);
    } catch (error) {
      const code = error instanceof AppError ? String(error.extensions.code) : ErrorCode.INTERNAL_SERVER_ERROR;
      if (!(error instanceof AppError)) logger.error('export failed', { message: (error as Error).message });
      if (res.headersSent) return void res.destroy();
      res.status(httpStatus[code] ?? 500).json({ errors: [{ message: error instanceof AppError ? error.message : 'Internal server error', extensions: { code } }] });
    }
  };
}
