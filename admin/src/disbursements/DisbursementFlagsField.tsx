import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { Disbursement } from '../types';

/** The inspectors' flags of a disbursement as warning chips, each explained in a tooltip. */
export const DisbursementFlagsField = (_props: FieldProps) => {
  const disbursement = useRecordContext<Disbursement>();
  const translate = useTranslate();
  const flags = disbursement?.flags ?? [];
  if (flags.length === 0) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="disbursement-flags">
      {flags.map((flag) => (
        <Tooltip key={flag} title={translate(`soquy.disbursementFlagHelp.${flag}`, { _: flag })}>
          <Chip size="small" color="warning" icon={<WarningAmberIcon />} label={translate(`soquy.disbursementFlag.${flag}`, { _: flag })} />
        </Tooltip>
      ))}
    </Stack>
  );
};
