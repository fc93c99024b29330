import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from './errors';
import { logger } from './logger';

interface HttpError extends Error {
  status?: number;
  statusCode?: number;
  type?: string;
}

const messages: Record<string, string> = {
  'entity.too.large': 'The request body is larger than the 1 MB allowed',
  'entity.parse.failed': 'The request body is not valid JSON',
  'encoding.unsupported': 'The request body’s encoding is not supported: send UTF-8',
  'charset.unsupported': 'The request body’s charset is not supported: send UTF-8',
};

/**
 * The last Express error handler: errors raised before a route answers (a body that is too large
 * or not JSON, a URL that does not decode) get a JSON answer in the GraphQL error shape, with a
 * stable code and never a stack trace (Express's own handler prints the stack outside production).
 */
export function httpErrorHandler() {
  return (error: HttpError, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    const client = status >= 400 && status < 500;
    if (!client) logger.error('request failed', { method: req.method, path: req.path, message: error.message, stack: error.stack });
    const message = client ? (messages[error.type ?? ''] ?? (error instanceof URIError ? 'The URL is not valid' : 'The request is not valid')) : 'Internal server error';
    res.status(client ? status : 500).json({ errors: [{ message, extensions: { code: client ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL_SERVER_ERROR } }] });
  };
}
