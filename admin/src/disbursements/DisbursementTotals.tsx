import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext, useTranslate } from 'react-admin';
import { formatMoney, formatWholeNumber } from '../format';
import type { SoQuyDataProvider } from '../providers/dataProvider';

/** The count and sum of the disbursements matching the list's filters (`_allDisbursementsMeta`), above the list. */
export const DisbursementTotals = () => {
  const { filterValues } = useListContext();
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['Disbursement', 'getDisbursementTotals', filterValues],
    queryFn: async () => (await dataProvider.getDisbursementTotals(filterValues)).data,
  });
  if (!data) return null;
  return (
    <Typography variant="body2" sx={{ px: 2, py: 1 }} data-testid="disbursement-totals">
      {translate('soquy.disbursements.totals', {
        count: formatWholeNumber(data.count),
        smart_count: data.count,
        amount: formatMoney(data.totalAmount),
      })}
    </Typography>
  );
};
