import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import { AmountFigure } from '../fields';
import { formatMoney } from '../format';
import type { Fund } from '../types';

/**
 * A fund's money: cash held, split into the free part and the parts earmarked for a purpose (which
 * general spending may not touch), in-kind goods held at their valuation, and this year's receipts.
 */
export const FundBalances = () => {
  const fund = useRecordContext<Fund>();
  const translate = useTranslate();
  if (!fund) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }} component="section" aria-labelledby="fund-balances-title">
      <Typography variant="h6" component="h2" id="fund-balances-title" sx={{ pt: 2, pb: 1 }}>
        {translate('soquy.funds.balances')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' } }}>
        <AmountFigure label={translate('soquy.funds.cash')} amount={fund.balance} testId="fund-balance" strong />
        <AmountFigure label={translate('soquy.funds.free')} amount={fund.freeBalance} testId="fund-free-balance" />
        <AmountFigure label={translate('soquy.funds.in_kind')} amount={fund.inKindHeld} testId="fund-in-kind" />
        <AmountFigure label={translate('soquy.funds.receipts_this_year')} amount={fund.receiptsThisYear} testId="fund-receipts-this-year" />
      </Box>
      <Typography variant="subtitle1" component="h3" sx={{ pt: 2 }}>
        {translate('soquy.funds.earmarked')}
      </Typography>
      {fund.earmarked.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('soquy.funds.no_earmarked')}
        </Typography>
      ) : (
        <Table size="small" sx={{ maxWidth: 560 }} data-testid="fund-earmarked">
          <TableBody>
            {fund.earmarked.map((part) => (
              <TableRow key={part.purpose}>
                <TableCell>{translate(`soquy.programCategory.${part.purpose}`, { _: part.purpose })}</TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {formatMoney(part.amount)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
