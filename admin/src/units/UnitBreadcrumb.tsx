import Breadcrumbs from '@mui/material/Breadcrumbs';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link, useCreatePath, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { AdministrativeUnit } from '../types';

/** The units above this one within the user's scope, each a link to its page, then this unit. */
export const UnitBreadcrumb = () => {
  const record = useRecordContext<AdministrativeUnit>();
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  const id = record?.id;
  const { data: ancestors = [] } = useQuery({
    queryKey: ['AdministrativeUnit', 'getUnitAncestors', id],
    queryFn: async () => (id === undefined ? [] : (await dataProvider.getUnitAncestors(id)).data),
    enabled: id !== undefined,
  });
  if (!record) return null;
  return (
    <Breadcrumbs aria-label={translate('soquy.units.breadcrumb')} sx={{ px: 2, pt: 2 }} data-testid="unit-breadcrumb">
      {ancestors.map((unit) => (
        <Link key={unit.id} to={createPath({ resource: 'AdministrativeUnit', type: 'show', id: unit.id })}>
          {unit.nameWithType}
        </Link>
      ))}
      <Typography color="text.primary" aria-current="page">
        {record.nameWithType}
      </Typography>
    </Breadcrumbs>
  );
};
