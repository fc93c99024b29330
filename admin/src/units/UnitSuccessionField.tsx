import Typography from '@mui/material/Typography';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { formatDate } from '../format';
import type { AdministrativeUnit } from '../types';

/** The day after a calendar day ("2025-06-30" → "2025-07-01"), without time zones. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** For a unit ended by a reorganisation: "đã sáp nhập vào Tỉnh Nam Định từ 01/07/2025" (or when it ended). */
export const UnitSuccessionField = (_props: { label?: string }) => {
  const record = useRecordContext<AdministrativeUnit & { successorId?: string | null }>();
  const translate = useTranslate();
  const { data: successor } = useGetOne<AdministrativeUnit>('AdministrativeUnit', { id: record?.successorId ?? '' }, { enabled: !!record?.successorId });
  if (!record?.validTo) return null;
  const text =
    record.successorId && successor
      ? translate('soquy.reorganisation.endedInto', { name: successor.nameWithType, date: formatDate(nextDay(record.validTo)) })
      : translate('soquy.reorganisation.ended', { date: formatDate(record.validTo) });
  return (
    <Typography component="span" variant="body2" color="warning.main">
      {text}
    </Typography>
  );
};
