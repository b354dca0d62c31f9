import { Button, Flex } from '@strapi/design-system';
import { useLabel } from '../useLabel';

/** Previous / next under a paginated list; nothing when everything fits on one page. */
export const Pager = ({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) => {
  const label = useLabel();
  if (total <= pageSize) return null;
  return (
    <Flex gap={2}>
      <Button variant="tertiary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {label('pager.previous', 'Previous')}
      </Button>
      <Button
        variant="tertiary"
        disabled={page * pageSize >= total}
        onClick={() => onPage(page + 1)}
      >
        {label('pager.next', 'Next')}
      </Button>
    </Flex>
  );
};
