import Typography from '@mui/material/Typography';
import { useFieldValue, type FieldProps } from 'react-admin';
import { useMeritCategories } from './useMeritCategories';

/** A merit category code (WAR_INVALID) by its name in the law ("Thương binh…"). */
export const MeritCategoryField = ({ source, record }: FieldProps) => {
  const code = useFieldValue({ source, record }) as string | null | undefined;
  const categories = useMeritCategories();
  if (!code) return null;
  const name = categories?.find((category) => category.code === code)?.name ?? code;
  return (
    <Typography component="span" variant="body2">
      {name}
    </Typography>
  );
};
