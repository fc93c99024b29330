import Typography from '@mui/material/Typography';
import { Datagrid, Pagination, ReferenceManyField, TextField, useRecordContext, useTranslate } from 'react-admin';
import type { AdministrativeUnit } from '../types';
import { UnitLevelField } from './UnitLevelField';

/** The units directly below this one in force today, a page at a time; each row opens its own page. Communes have none. */
export const UnitChildren = () => {
  const record = useRecordContext<AdministrativeUnit>();
  const translate = useTranslate();
  if (!record || record.level === 'COMMUNE') return null;
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ px: 2, pt: 2 }}>
        {translate('soquy.units.children')}
      </Typography>
      <ReferenceManyField
        reference="AdministrativeUnit"
        target="parentId"
        filter={{ current: true }}
        sort={{ field: 'code', order: 'ASC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      >
        <Datagrid
          rowClick="show"
          bulkActionButtons={false}
          empty={
            <Typography variant="body2" sx={{ px: 2, py: 1 }}>
              {translate('soquy.units.no_children')}
            </Typography>
          }
        >
          <TextField source="code" />
          <TextField source="nameWithType" />
          <UnitLevelField source="level" />
        </Datagrid>
      </ReferenceManyField>
    </>
  );
};
