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
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { SERVICE_ITEM_TYPES } from '../../../../shared/service-items/catalogue';
import type {
  ServiceItemAdminList,
  ServiceItemAdminView,
} from '../../../../shared/service-items/contracts';
import { TableHead } from '../../kernel/components/TableHead';
import { useLabel } from '../../kernel/useLabel';
import { itemPath } from '../paths';
import { lifecycleLabel } from './labels';
import { useGet } from './useServiceApi';

/** A review step waiting for the current user (approve, clear, or publish once cleared). */
const waitsForMe = (item: ServiceItemAdminView) =>
  item.allowedActions.some(
    (action) => action === 'approve' || action === 'clear' || action === 'publish'
  );

/** The service catalogue as staff keep it: drafts too, with what the website shows. */
export const ItemList = ({ canManage }: { canManage: boolean }) => {
  const label = useLabel();
  const navigate = useNavigate();
  const [waitingOnly, setWaitingOnly] = useState(!canManage);
  const { data, error } = useGet<ServiceItemAdminList>('/disclosure/service-items');
  const rows = (data?.data ?? []).filter((item) => !waitingOnly || waitsForMe(item));
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={2}>
        {canManage && (
          <Button onClick={() => navigate(itemPath('new'))} data-testid="item-new">
            {label('serviceItems.new', 'New service item')}
          </Button>
        )}
        <Button
          variant={waitingOnly ? 'default' : 'tertiary'}
          onClick={() => setWaitingOnly(!waitingOnly)}
          data-testid="items-waiting"
          data-active={waitingOnly}
        >
          {label('serviceItems.waiting', '待审核 (waiting for me)')}
        </Button>
      </Flex>
      {error && <Typography textColor="danger600">{error}</Typography>}
      {!data && !error && <Loader small>{label('serviceCases.loading', 'Loading')}</Loader>}
      {data && (
        <Table colCount={6} rowCount={rows.length + 1} data-testid="items-table">
          <TableHead
            labels={[
              label('serviceItems.name', 'Name'),
              label('serviceItems.type', 'Type'),
              label('serviceItems.division', 'Division'),
              label('serviceItems.lifecycle', 'Lifecycle'),
              label('serviceItems.website', 'On the website'),
              label('serviceItems.reviewColumn', 'Review'),
            ]}
          />
          <Tbody>
            {rows.map((item) => (
              <Tr
                key={item.documentId}
                data-testid="item-row"
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
                <Td>
                  <Flex gap={1}>
                    {item.review && item.review.state !== 'published' && (
                      <Badge data-state={item.review.state}>
                        {label(
                          `serviceItems.review.state.${item.review.state}`,
                          item.review.stateLabel
                        )}
                      </Badge>
                    )}
                    {waitsForMe(item) && (
                      <Badge active>{label('serviceItems.waitsForMe', 'Waits for you')}</Badge>
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
