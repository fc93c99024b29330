import DownloadIcon from '@mui/icons-material/GetApp';
import { useState } from 'react';
import { Button, fetchRelatedRecords, useCanAccess, useDataProvider, useListContext, useNotify, useTranslate, type RaRecord } from 'react-admin';
import { formatWholeNumber } from '../format';
import { EXPORTED_FIELDS, MAX_PAGE_SIZE } from './exporter';

/** Pages asked for at the same time: a large export takes seconds rather than a minute, without flooding the API. */
const PARALLEL_PAGES = 4;

/**
 * Exports every donation matching the list's filters and sort, not only the page on screen.
 * react-admin's ExportButton asks for one page of `maxResults` rows, which the API refuses above
 * 500: this one asks for pages of 500 (a few at a time, only the exported fields) until it has
 * them all, shows how far it got, then hands them, in order, to the list's exporter.
 */
export const DonationExportButton = () => {
  const { filterValues, filter, sort, resource, total, exporter } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const [progress, setProgress] = useState<{ done: number; of: number } | null>(null);
  const { canAccess } = useCanAccess({ resource, action: 'export' });
  if (!exporter || !canAccess) return null;

  const exportAll = async () => {
    const fetchPage = (page: number) =>
      dataProvider.getList(resource, {
        filter: { ...filterValues, ...filter },
        sort,
        pagination: { page, perPage: MAX_PAGE_SIZE },
        meta: { sparseFields: [...EXPORTED_FIELDS] },
      });
    setProgress({ done: 0, of: total ?? 0 });
    try {
      const first = await fetchPage(1);
      const count = first.total ?? first.data.length;
      const pages: RaRecord[][] = [first.data];
      let done = first.data.length;
      setProgress({ done, of: count });
      const pageCount = Math.ceil(count / MAX_PAGE_SIZE);
      for (let start = 2; start <= pageCount; start += PARALLEL_PAGES) {
        const numbers = Array.from({ length: Math.min(PARALLEL_PAGES, pageCount - start + 1) }, (_, i) => start + i);
        const results = await Promise.all(numbers.map(fetchPage));
        results.forEach((result, i) => {
          pages[numbers[i]! - 1] = result.data;
          done += result.data.length;
        });
        setProgress({ done, of: count });
      }
      const records = pages.flat();
      await exporter(records, fetchRelatedRecords(dataProvider), dataProvider, resource);
      notify('soquy.donations.export_rows', { type: 'info', messageArgs: { count: formatWholeNumber(records.length), smart_count: records.length } });
    } catch (error) {
      console.error(error);
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setProgress(null);
    }
  };

  const label = progress
    ? translate('soquy.donations.exporting', { done: formatWholeNumber(progress.done), of: formatWholeNumber(progress.of) })
    : 'ra.action.export';
  return (
    <Button label={label} onClick={exportAll} disabled={progress !== null || total === 0}>
      <DownloadIcon />
    </Button>
  );
};
