import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../format';
import type { MemorialCap, MemorialWorkKind } from './types';
import { lowestCap } from './useMemorialCaps';

const PERCENT = /^([\d.,]+)%/;
const LEVEL_CAP = /^MEMORIAL_CAP_(PROVINCE|DISTRICT|COMMUNE)$/;

/**
 * What a cap means, in the user's language: the API explains each cap in English ("70% of the
 * cost, …", "the cap for a commune work"); the known rules are said again from their figures, an
 * unknown one keeps the API's words.
 */
export function useCapExplanation() {
  const translate = useTranslate();
  return (cap: MemorialCap, plan: { approvedCost: number; graveCount?: number | null; level?: string | null; kind?: MemorialWorkKind }) => {
    const level = plan.level ? translate(`soquy.unitLevel.${plan.level}`).toLowerCase() : '';
    const percent = PERCENT.exec(cap.explanation)?.[1] ?? /: ([\d.,]+)%/.exec(cap.explanation)?.[1];
    if (cap.rule === 'MEMORIAL_SUPPORT_SHARE' && percent) {
      return translate('soquy.memorial.cap_share', { percent, cost: formatMoney(plan.approvedCost) });
    }
    if (cap.rule === 'MEMORIAL_REPAIR_SHARE' && percent && level) return translate('soquy.memorial.cap_repair', { percent, level });
    if (LEVEL_CAP.test(cap.rule) && level) return translate('soquy.memorial.cap_level', { level });
    if (cap.rule === 'MEMORIAL_GRAVE' && plan.graveCount) {
      return translate('soquy.memorial.cap_grave', { perGrave: formatMoney(Math.floor(cap.limit / plan.graveCount)), count: plan.graveCount });
    }
    return cap.explanation;
  };
}

interface MemorialCapsBoxProps {
  caps: readonly MemorialCap[] | undefined;
  /** The plan the caps were computed for, to explain them. */
  plan: { approvedCost: number; graveCount?: number | null; level?: string | null; kind?: MemorialWorkKind } | null;
  /** The support of the funding lines (central budget and funds), compared with the lowest cap. */
  support: number;
  loading?: boolean;
  error?: unknown;
}

/**
 * "Mức trần hỗ trợ": each cap the work would be held to today (its rule, the limit, what it means
 * and its legal basis), the lowest marked, and a warning when the support is above it.
 */
export const MemorialCapsBox = ({ caps, plan, support, loading, error }: MemorialCapsBoxProps) => {
  const translate = useTranslate();
  const explain = useCapExplanation();
  const lowest = lowestCap(caps);
  return (
    <Paper variant="outlined" sx={{ p: 2, my: 2, maxWidth: 760 }} data-testid="memorial-caps" aria-live="polite">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 500 }}>
        {translate('soquy.memorial.caps_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('soquy.memorial.caps_help')}
      </Typography>
      {!plan && !loading && (
        <Typography variant="body2" color="text.secondary">
          {translate('soquy.memorial.caps_waiting')}
        </Typography>
      )}
      {error !== undefined && error !== null && (
        <Alert severity="warning">
          {translate('soquy.memorial.caps_failed')} {error instanceof Error ? error.message : ''}
        </Alert>
      )}
      {plan &&
        caps?.map((cap) => {
          const isLowest = cap === lowest;
          return (
            <Box
              key={cap.rule}
              data-testid={`memorial-cap-${cap.rule}`}
              sx={{ py: 1, borderTop: 1, borderColor: 'divider', ...(isLowest ? { bgcolor: 'action.hover', px: 1, mx: -1 } : {}) }}
            >
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
                <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
                  {translate(`soquy.memorial.rule.${cap.rule}`, { _: cap.rule })}
                </Typography>
                <Typography variant="caption" component="code" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                  {cap.rule}
                </Typography>
                <Typography variant="body2" component="span" sx={{ ml: 'auto', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: isLowest ? 600 : 400 }}>
                  {formatMoney(cap.limit)}
                </Typography>
                {isLowest && <Chip size="small" color="primary" label={translate('soquy.memorial.cap_lowest')} data-testid="memorial-cap-lowest" />}
              </Box>
              <Typography variant="body2" color="text.secondary">
                {explain(cap, plan)}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div">
                {translate('soquy.memorial.basis', { basis: cap.basis })}
              </Typography>
            </Box>
          );
        })}
      {plan && lowest && support > lowest.limit && (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="memorial-caps-warning">
          {translate('soquy.memorial.support_above_cap', { support: formatMoney(support), limit: formatMoney(lowest.limit) })}
        </Alert>
      )}
    </Paper>
  );
};
