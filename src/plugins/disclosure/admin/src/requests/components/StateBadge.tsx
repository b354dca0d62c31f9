import { Badge } from '@strapi/design-system';
import { isClosed } from '../../../../shared/requests/states';
import { useLabel } from '../../kernel/useLabel';

/** The request's state (已登记 … 已办结) as a badge; states that end the request read active. */
export const StateBadge = ({ state, testId }: { state: string; testId?: string }) => {
  const label = useLabel();
  return (
    <Badge active={isClosed(state)} data-testid={testId} data-state={state}>
      {label(`request.state.${state}`, state)}
    </Badge>
  );
};
