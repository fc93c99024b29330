import DownloadIcon from '@mui/icons-material/GetApp';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useListContext, useNotify } from 'react-admin';
import type { SoQuyDataProvider } from '../providers/dataProvider';

const formats = ['csv', 'xlsx'] as const;

/**
 * "Xuất CSV" and "Xuất Excel" (permission DisbursementRead): the server produces and streams the
 * file of every disbursement matching the list's filters, not only the page on screen; the console
 * fetches it with the session's token and saves it under the server's file name.
 */
export const DisbursementExportButtons = () => {
  const { filterValues, total } = useListContext();
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState<(typeof formats)[number] | null>(null);
  const { canAccess } = useCanAccess({ resource: 'Disbursement', action: 'export' });
  if (!canAccess) return null;

  const download = async (format: (typeof formats)[number]) => {
    setBusy(format);
    try {
      const { data } = await dataProvider.exportDisbursements(format, filterValues);
      notify('soquy.disbursements.exported', { type: 'info', messageArgs: { file: data.fileName } });
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {formats.map((format) => (
        <Button
          key={format}
          label={busy === format ? 'soquy.disbursements.exporting' : `soquy.disbursements.export_${format}`}
          onClick={() => void download(format)}
          disabled={busy !== null || total === 0}
        >
          <DownloadIcon />
        </Button>
      ))}
    </>
  );
};
