import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useTranslate } from 'react-admin';
import { serverErrorCode } from '../providers/errors';

const explainedCodes = new Set(['INSUFFICIENT_FUNDS', 'BAD_USER_INPUT', 'INVALID_TRANSITION', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'POLICY_LIMIT']);

/** The server's own message of a failed request (what was wrong and what is allowed), or none. */
function serverMessageOf(error: unknown): string | undefined {
  return error instanceof Error && error.message ? error.message : undefined;
}

interface ServerErrorAlertProps {
  /** What the console was doing: "Chưa huỷ được phiếu thu"… */
  title: string;
  error: unknown;
  /** A translation key saying what this refusal means in the case at hand (four eyes, books closed…), shown first. */
  hint?: string;
}

/**
 * A refusal from the API inside a dialog: what failed, what the error code means in the user's
 * language (INSUFFICIENT_FUNDS: the money was already spent…), then the server's own message.
 */
export const ServerErrorAlert = ({ title, error, hint }: ServerErrorAlertProps) => {
  const translate = useTranslate();
  const code = serverErrorCode(error);
  const explanation = hint ? translate(hint) : translate(`soquy.errors.${code && explainedCodes.has(code) ? code : 'other'}`);
  const detail = serverMessageOf(error);
  return (
    <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="server-error">
      <AlertTitle>{title}</AlertTitle>
      {explanation}
      {detail && detail !== explanation && (
        <>
          <br />
          {translate(detail, { _: detail })}
        </>
      )}
    </Alert>
  );
};
