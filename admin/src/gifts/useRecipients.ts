import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { GIFT_RECIPIENTS } from './queries';
import type { GiftRecipient, GiftRecipientStatus } from './types';

/**
 * The distribution list (danh sách ký nhận) of a campaign from the server, filtered by commune (or
 * a unit above) and status when given. react-admin's refresh refetches it.
 */
export function useRecipients(campaignId: string | undefined, unitId?: string | null, status?: GiftRecipientStatus | null) {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  return useQuery({
    queryKey: ['GiftRecipient', 'list', campaignId, unitId ?? null, status ?? null],
    queryFn: async () =>
      (
        await dataProvider.request<{ giftRecipients: GiftRecipient[] }>(GIFT_RECIPIENTS, {
          filter: { campaignId, ...(unitId ? { unitId } : {}), ...(status ? { status } : {}) },
        })
      ).giftRecipients,
    enabled: Boolean(campaignId),
  });
}
