import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext, useTranslate } from 'react-admin';
import { formatMoney, formatWholeNumber } from '../format';
import type { SoQuyDataProvider } from '../providers/dataProvider';

/**
 * The count and sum of the receipts matching the list's filters. A voided receipt no longer counts
 * in its fund, so the sum is of the posted receipts, or of the voided ones when the list is
 * filtered on them.
 */
export const DonationTotals = () => {
  const { filterValues } = useListContext();
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const translate = useTranslate();
  const voided = filterValues.status === 'VOIDED';
  const filter = { ...filterValues, status: voided ? 'VOIDED' : 'POSTED' };
  const { data } = useQuery({
    queryKey: ['Donation', 'getDonationTotals', filter],
    queryFn: async () => (await dataProvider.getDonationTotals(filter)).data,
  });
  if (!data) return null;
  return (
    <Typography variant="body2" sx={{ px: 2, py: 1 }} data-testid="donation-totals">
      {translate(voided ? 'soquy.donations.totals_voided' : 'soquy.donations.totals_posted', {
        count: formatWholeNumber(data.count),
        smart_count: data.count,
        amount: formatMoney(data.totalAmount),
      })}
    </Typography>
  );
};
