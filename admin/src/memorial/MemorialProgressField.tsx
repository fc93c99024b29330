import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { MemorialWork } from './types';

/** A percentage as a bar and "40%". */
export const ProgressBar = ({ percent, testId }: { percent: number; testId?: string }) => {
  const translate = useTranslate();
  const label = translate('soquy.memorial.progress', { percent });
  return (
    <Box sx={{ minWidth: 140, display: 'flex', alignItems: 'center', gap: 1 }} data-testid={testId}>
      <LinearProgress
        variant="determinate"
        value={Math.max(0, Math.min(100, percent))}
        color={percent >= 100 ? 'success' : 'primary'}
        aria-label={label}
        sx={{ height: 8, borderRadius: 4, flexGrow: 1 }}
      />
      <Typography variant="caption" component="span" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', minWidth: 36, textAlign: 'right' }}>
        {label}
      </Typography>
    </Box>
  );
};

/** The latest progress report of a work, as a bar. */
export const MemorialProgressField = ({ testId }: FieldProps<MemorialWork> & { testId?: string }) => {
  const work = useRecordContext<MemorialWork>();
  if (!work) return null;
  return <ProgressBar percent={work.progress} testId={testId} />;
};
