import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatMoney } from '../format';

interface AmountFigureProps {
  label: string;
  amount: number;
  testId?: string;
  /** The headline figure of a page (a fund's cash balance): larger. */
  strong?: boolean;
}

/** One amount in a summary tile ("Số dư tiền 29.083.199.000 ₫"), for the figures at the top of a page. */
export const AmountFigure = ({ label, amount, testId, strong }: AmountFigureProps) => (
  <Paper variant="outlined" sx={{ p: 2 }}>
    <Typography variant="body2" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography
      variant={strong ? 'h5' : 'h6'}
      component="div"
      data-testid={testId}
      sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {formatMoney(amount)}
    </Typography>
  </Paper>
);
