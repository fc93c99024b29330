import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { giftRefusal } from './errors';

/**
 * A refusal of the gift API: what failed, what it means in the user's language (with the amounts,
 * the rate and its legal basis), then the server's own words, smaller.
 */
export const GiftErrorAlert = ({ title, error }: { title: string; error: unknown }) => {
  const translate = useTranslate();
  const { key, args } = giftRefusal(error);
  const detail = error instanceof Error && error.message ? error.message : undefined;
  return (
    <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="gift-error">
      <AlertTitle>{title}</AlertTitle>
      {translate(key, args)}
      {detail && (
        <Typography variant="caption" component="div" sx={{ mt: 0.5, opacity: 0.8 }}>
          {detail}
        </Typography>
      )}
    </Alert>
  );
};
