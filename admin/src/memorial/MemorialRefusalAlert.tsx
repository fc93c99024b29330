import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../format';
import { ServerErrorAlert } from '../layout/ServerErrorAlert';
import { serverErrorCode } from '../providers/errors';
import { messageOf, policyRefusal } from './refusal';

interface MemorialRefusalAlertProps {
  /** What failed: "Chưa phê duyệt được công trình"… */
  title: string;
  error: unknown;
  /** A hint for an INVALID_TRANSITION (a translation key with its arguments). */
  transitionHint?: { key: string; args?: Record<string, unknown> };
}

/**
 * A refusal of the server about a memorial work, in the user's language: for POLICY_LIMIT, the
 * rule (its code and what it says), the limit and its legal basis; for INVALID_TRANSITION, what the
 * state of the work means; then the server's own message. Other refusals as everywhere else.
 */
export const MemorialRefusalAlert = ({ title, error, transitionHint }: MemorialRefusalAlertProps) => {
  const translate = useTranslate();
  const code = serverErrorCode(error);
  const message = messageOf(error);
  if (code === 'POLICY_LIMIT') {
    const refusal = policyRefusal(error);
    return (
      <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="memorial-refusal">
        <AlertTitle>{title}</AlertTitle>
        <Typography variant="body2" component="div">
          {translate('soquy.errors.POLICY_LIMIT')}
        </Typography>
        {refusal?.rule && (
          <Typography variant="body2" component="div" data-testid="memorial-refusal-rule" sx={{ fontWeight: 500 }}>
            {translate('soquy.memorial.refusal_policy', {
              rule: refusal.rule,
              name: translate(`soquy.memorial.rule.${refusal.rule}`, { _: refusal.rule }),
            })}
            {refusal.limit !== undefined && <> {translate('soquy.memorial.refusal_limit', { limit: formatMoney(refusal.limit) })}</>}
          </Typography>
        )}
        {refusal?.rule === 'MEMORIAL_PROJECT_DOCUMENT' && (
          <Typography variant="body2" component="div">
            {translate('soquy.memorial.refusal_document')}
          </Typography>
        )}
        {refusal?.basis && (
          <Typography variant="body2" component="div" data-testid="memorial-refusal-basis">
            {translate('soquy.memorial.basis', { basis: refusal.basis })}
          </Typography>
        )}
        {message && (
          <Typography variant="caption" component="div" color="text.secondary" sx={{ mt: 1 }}>
            {message}
          </Typography>
        )}
      </Alert>
    );
  }
  if (code === 'INVALID_TRANSITION') {
    return (
      <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="memorial-refusal">
        <AlertTitle>{title}</AlertTitle>
        <Typography variant="body2" component="div">
          {translate(transitionHint?.key ?? 'soquy.memorial.refusal_transition', transitionHint?.args)}
        </Typography>
        {message && (
          <Typography variant="caption" component="div" color="text.secondary" sx={{ mt: 1 }}>
            {message}
          </Typography>
        )}
      </Alert>
    );
  }
  return <ServerErrorAlert title={title} error={error} />;
};
