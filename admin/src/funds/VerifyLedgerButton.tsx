import FactCheckIcon from '@mui/icons-material/FactCheck';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Button as RaButton, useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { ServerErrorAlert } from '../layout/ServerErrorAlert';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { Fund, LedgerVerification } from '../types';

type Outcome = { result: LedgerVerification } | { error: unknown };

/**
 * "Kiểm tra sổ cái" (permission LedgerVerify): the server recomputes the fund's hash chain and
 * balances; the dialog says the ledger verifies, or names the first transaction that does not.
 */
export const VerifyLedgerButton = () => {
  const fund = useRecordContext<Fund>();
  const { canAccess } = useCanAccess({ resource: 'Fund', action: 'verify', record: fund });
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const translate = useTranslate();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (!fund || !canAccess) return null;

  const verify = async () => {
    setRunning(true);
    try {
      const { data } = await dataProvider.verifyLedger(fund.id);
      setOutcome({ result: data });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setRunning(false);
    }
  };

  const counts =
    outcome && 'result' in outcome
      ? { transactions: outcome.result.transactionsChecked, accounts: outcome.result.accountsChecked }
      : { transactions: 0, accounts: 0 };

  return (
    <>
      <RaButton label="soquy.funds.verify" onClick={verify} disabled={running}>
        <FactCheckIcon />
      </RaButton>
      <Dialog open={outcome !== null} onClose={() => setOutcome(null)} aria-labelledby="verify-ledger-title" fullWidth maxWidth="sm">
        <DialogTitle id="verify-ledger-title">{translate('soquy.funds.verify_title', { name: fund.name })}</DialogTitle>
        <DialogContent>
          {outcome && 'error' in outcome && <ServerErrorAlert title={translate('soquy.funds.verify')} error={outcome.error} />}
          {outcome && 'result' in outcome && outcome.result.ok && (
            <Alert severity="success" data-testid="ledger-verification">
              {translate('soquy.funds.verify_ok', counts)}
            </Alert>
          )}
          {outcome && 'result' in outcome && !outcome.result.ok && (
            <>
              <Alert severity="error" data-testid="ledger-verification">
                {outcome.result.firstMismatch?.seq !== null && outcome.result.firstMismatch?.seq !== undefined
                  ? translate('soquy.funds.verify_mismatch', { seq: outcome.result.firstMismatch.seq, reason: outcome.result.firstMismatch.reason })
                  : translate('soquy.funds.verify_mismatch_account', { reason: outcome.result.firstMismatch?.reason ?? '' })}
              </Alert>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {translate('soquy.funds.verify_checked', counts)}
              </Typography>
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOutcome(null)} autoFocus>
            {translate('ra.action.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
