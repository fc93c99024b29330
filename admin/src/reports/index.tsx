import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Title, useCanAccess, useLocaleState, useTranslate } from 'react-admin';
import { HousingReport } from './HousingReport';
import { MemorialReport } from './MemorialReport';

/**
 * The program reports (báo cáo chương trình), at #/reports: housing grants and memorial works
 * counted and summed by the dimensions the user picks, with totals and the server's CSV/XLSX
 * exports. Each section shows to those allowed its report (HousingRead, MemorialRead).
 */
export const ProgramReports = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const housing = useCanAccess({ resource: 'HousingGrant', action: 'report' });
  const memorial = useCanAccess({ resource: 'MemorialWork', action: 'report' });
  const loading = housing.isPending || memorial.isPending;
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="soquy.reports.title" />
      <Typography variant="h5" component="h1">
        {translate('soquy.reports.title')}
      </Typography>
      {!loading && !housing.canAccess && !memorial.canAccess && (
        <Typography variant="body2" color="text.secondary">
          {translate('soquy.reports.not_allowed')}
        </Typography>
      )}
      {housing.canAccess && <HousingReport />}
      {memorial.canAccess && <MemorialReport locale={locale} />}
    </Stack>
  );
};
