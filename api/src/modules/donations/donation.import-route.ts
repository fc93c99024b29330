import type { Request, Response } from 'express';
import { signedIn, type RequestContext } from '../../common/context';
import { AppError, badInput, ErrorCode } from '../../common/errors';
import { logger } from '../../common/logger';
import { hasPermission, Permission } from '../../common/permissions';
import { donationImportService, MAX_IMPORT_BYTES } from './donation.import';

const httpStatus: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409 };

class TooLarge extends AppError {
  constructor() {
    super(ErrorCode.BAD_USER_INPUT, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split the statement`, { field: 'file' });
  }
}

/** Reads the request body up to `limit` bytes; refuses a larger one without reading it all. */
async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.header('content-length') ?? 0);
  if (declared > limit) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * POST /import/donations/preview|commit?fundId=<id> with the bank statement CSV as the body (any
 * content type): the validation report, or the import's result, as JSON. Signed in by the same
 * bearer token as the API (refused before the body is read without it), permission
 * DonationCreate, the fund in the user's scope (NOT_FOUND otherwise); errors answer in the
 * GraphQL error shape with an HTTP status, as the exports do.
 */
export function donationImportRoute(context: (req: Request, res: Response) => Promise<RequestContext>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const ctx = signedIn(await context(req, res));
      if (!hasPermission(ctx.user.role, Permission.DonationCreate)) throw new AppError(ErrorCode.FORBIDDEN, `Your role (${ctx.user.role}) does not allow recording donations`);
      const step = req.params.step;
      if (step !== 'preview' && step !== 'commit') throw new AppError(ErrorCode.NOT_FOUND, 'POST to /import/donations/preview or /import/donations/commit');
      const fundId = typeof req.query.fundId === 'string' ? req.query.fundId : '';
      if (!/^\d{1,12}$/.test(fundId)) throw badInput('Give the fund as ?fundId=<id>', 'fundId');
      const bytes = await readBody(req, MAX_IMPORT_BYTES);
      const report = step === 'preview' ? await donationImportService.preview(ctx, fundId, bytes) : await donationImportService.commit(ctx, fundId, bytes);
      res.status(200).json(report);
    } catch (error) {
      const code = error instanceof AppError ? String(error.extensions.code) : ErrorCode.INTERNAL_SERVER_ERROR;
      if (!(error instanceof AppError)) logger.error('donation import failed', { message: (error as Error).message });
      if (res.headersSent) return void res.destroy();
      // A refused body is not read to its end: close the connection rather than drain it.
      if (error instanceof TooLarge) res.setHeader('Connection', 'close');
      const status = error instanceof TooLarge ? 413 : (httpStatus[code] ?? 500);
      res.status(status).json({ errors: [{ message: error instanceof AppError ? error.message : 'Internal server error', extensions: { ...(error instanceof AppError ? error.extensions : {}), code } }] });
    }
  };
}
