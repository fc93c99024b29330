import { useCallback } from 'react';
import { downloadCSV, useTranslate, type DataProvider, type Exporter, type Identifier } from 'react-admin';
import { todayInVietnam } from '../format';
import type { Donation } from '../types';
import { toCsv } from './csv';

/** The API's largest page (`perPage` 1 to 500): exports and look-ups ask for pages of this size. */
export const MAX_PAGE_SIZE = 500;

/** The names of records of a resource by id, asked for in pages the API accepts. */
async function namesOf(dataProvider: DataProvider, resource: string, ids: readonly (Identifier | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is Identifier => id !== null && id !== undefined && id !== '').map(String))];
  const names = new Map<string, string>();
  for (let start = 0; start < unique.length; start += MAX_PAGE_SIZE) {
    const { data } = await dataProvider.getMany<{ id: Identifier; name: string }>(resource, { ids: unique.slice(start, start + MAX_PAGE_SIZE) });
    for (const record of data) names.set(String(record.id), record.name);
  }
  return names;
}

/** The donation fields the CSV needs: the export asks the API for these only. */
export const EXPORTED_FIELDS = [
  'id',
  'receiptNumber',
  'receivedOn',
  'fundId',
  'donorName',
  'amount',
  'method',
  'inKindDescription',
  'earmark',
  'campaignId',
  'status',
  'voidReason',
  'note',
] as const;

/** The CSV columns: the exported fields but the id. */
const columns = EXPORTED_FIELDS.filter((field): field is Exclude<(typeof EXPORTED_FIELDS)[number], 'id'> => field !== 'id');

/**
 * The donation list's exporter: one CSV row per receipt, with the column headers in the user's
 * language (Vietnamese by default), fund and campaign by name, dates as YYYY-MM-DD and amounts as
 * plain whole numbers of đồng, ready for a spreadsheet.
 */
export function useDonationExporter(): Exporter {
  const translate = useTranslate();
  return useCallback<Exporter>(
    async (records, _fetchRelatedRecords, dataProvider) => {
      const donations = records as Donation[];
      const [funds, campaigns] = await Promise.all([
        namesOf(dataProvider, 'Fund', donations.map((d) => d.fundId)),
        namesOf(dataProvider, 'Campaign', donations.map((d) => d.campaignId)),
      ]);
      const headers = columns.map((column) => translate(`resources.Donation.fields.${column}`));
      const rows = donations.map((d) => [
        d.receiptNumber,
        d.receivedOn,
        funds.get(String(d.fundId)) ?? d.fundId,
        d.donorName,
        d.amount,
        translate(`soquy.donationMethod.${d.method}`, { _: d.method }),
        d.inKindDescription,
        d.earmark ? translate(`soquy.programCategory.${d.earmark}`, { _: d.earmark }) : null,
        d.campaignId ? (campaigns.get(String(d.campaignId)) ?? d.campaignId) : null,
        translate(`soquy.donationStatus.${d.status}`, { _: d.status }),
        d.voidReason,
        d.note,
      ]);
      downloadCSV(toCsv(headers, rows), `phieu-thu-${todayInVietnam()}`);
    },
    [translate],
  );
}
