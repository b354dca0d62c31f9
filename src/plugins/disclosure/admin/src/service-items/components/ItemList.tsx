import {
  Badge,
  Button,
  Flex,
  Loader,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import { SERVICE_ITEM_TYPES } from '../../../../shared/service-items/catalogue';
import type { ServiceItemAdminList } from '../../../../shared/service-items/contracts';
import { TableHead } from '../../kernel/components/TableHead';
import { useLabel } from '../../kernel/useLabel';
import { itemPath } from '../paths';
import { lifecycleLabel } from './labels';
import { useGet } from './useServiceApi';

/** The service catalogue as staff keep it: drafts too, with what the website shows. */
export const ItemList = () => {
  const label = useLabel();
  const navigate = useNavigate();
  const { data, error } = useGet<ServiceItemAdminList>('/disclosure/service-items');
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex>
        <Button onClick={() => navigate(itemPath('new'))} data-testid="item-new">
          {label('serviceItems.new', 'New service item')}
        </Button>
      </Flex>
      {error && <Typography textColor="danger600">{error}</Typography>}
      {!data && !error && <Loader small>{label('serviceCases.loading', 'Loading')}</Loader>}
      {data && (
        <Table colCount={5} rowCount={data.data.length + 1} data-testid="items-table">
          <TableHead
            labels={[
              label('serviceItems.name', 'Name'),
              label('serviceItems.type', 'Type'),
              label('serviceItems.division', 'Division'),
              label('serviceItems.lifecycle', 'Lifecycle'),
              label('serviceItems.website', 'On the website'),
            ]}
          />
          <Tbody>
            {data.data.map((item) => (
              <Tr
                key={item.documentId}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate(itemPath(item.documentId))}
              >
                <Td>
                  <Typography fontWeight="semiBold" textColor="primary600">
                    {item.name || '—'}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{SERVICE_ITEM_TYPES[item.itemType]}</Typography>
                </Td>
                <Td>
                  <Typography>{item.divisionName ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{lifecycleLabel(item.lifecycle)}</Typography>
                </Td>
                <Td>
                  <Flex gap={1}>
                    <Badge active={item.isPublished}>
                      {item.isPublished
                        ? label('serviceItems.published', 'Published')
                        : label('serviceItems.draft', 'Draft only')}
                    </Badge>
                    {item.isPublished && item.hasPendingEdits && (
                      <Badge>{label('serviceItems.pending', 'Changes not published')}</Badge>
                    )}
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Flex>
  );
};
