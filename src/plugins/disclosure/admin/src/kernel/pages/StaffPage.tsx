import { useCallback, useEffect, useState } from 'react';
import {
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { StaffResponse } from '../../../../shared/kernel/contracts';
import { TableHead } from '../components/TableHead';
import { t } from '../plugin-id';

const NONE = '__none__';

/** 处室人员: assign each admin user to a division (editors and division reviewers need one). */
const StaffPage = () => {
  const { formatMessage } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [staff, setStaff] = useState<StaffResponse['data'] | null>(null);
  const label = (id: string, fallback: string) =>
    formatMessage({ id: t(id), defaultMessage: fallback });

  const load = useCallback(async () => {
    const { data } = await get<StaffResponse>('/disclosure/staff');
    setStaff(data.data);
  }, [get]);

  useEffect(() => {
    load().catch((error: { message?: string }) =>
      toggleNotification({ type: 'danger', message: error.message ?? '' })
    );
  }, [load, toggleNotification]);

  const assign = async (userId: number, value: string) => {
    try {
      await put(`/disclosure/staff/${userId}`, { department: value === NONE ? null : value });
      toggleNotification({ type: 'success', message: label('panel.done', 'Done') });
      await load();
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: (error as { message?: string }).message ?? '',
      });
    }
  };

  return (
    <Page.Main>
      <Page.Title>{label('staff.title', 'Staff divisions')}</Page.Title>
      <Layouts.Header
        title={label('staff.title', 'Staff divisions')}
        subtitle={label('staff.subtitle', '')}
      />
      <Layouts.Content>
        <Table colCount={4} rowCount={(staff?.users.length ?? 0) + 1}>
          <TableHead
            labels={[
              label('staff.name', 'Name'),
              label('staff.email', 'Email'),
              label('staff.roles', 'Roles'),
              label('staff.division', 'Division'),
            ]}
          />
          <Tbody>
            {staff?.users.map((user) => (
              <Tr key={user.id}>
                <Td>
                  <Typography>{user.name}</Typography>
                </Td>
                <Td>
                  <Typography>{user.email}</Typography>
                </Td>
                <Td>
                  <Typography>{user.roles.join('、')}</Typography>
                </Td>
                <Td>
                  <SingleSelect
                    aria-label={`${label('staff.division', 'Division')} ${user.email}`}
                    value={user.department ?? NONE}
                    onChange={(value: string | number) => assign(user.id, String(value))}
                  >
                    <SingleSelectOption value={NONE}>
                      {label('staff.noDivision', 'No division')}
                    </SingleSelectOption>
                    {staff.departments.map((department) => (
                      <SingleSelectOption key={department.documentId} value={department.documentId}>
                        {department.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Layouts.Content>
    </Page.Main>
  );
};

export default StaffPage;
