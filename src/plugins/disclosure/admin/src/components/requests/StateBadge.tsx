import { Badge } from '@strapi/design-system';
import { useLabel } from '../statistics/useLabel';

const CLOSED = ['answered', 'closed', 'withdrawn'];

/** The request's state (已登记 … 已办结) as a badge; states that end the request read active. */
export const StateBadge = ({ state, testId }: { state: string; testId?: string }) => {
  const label = useLabel();
  return (
    <Badge active={CLOSED.includes(state)} data-testid={testId} data-state={state}>
      {label(`request.state.${state}`, state)}
    </Badge>
  );
};
