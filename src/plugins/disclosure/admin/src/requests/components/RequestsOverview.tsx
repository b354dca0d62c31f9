import { Box, Tabs } from '@strapi/design-system';
import { Layouts, Page, useAuth } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { ACTIONS } from '../../../../shared/kernel/constants';
import { useLabel } from '../../kernel/useLabel';
import { ReplyTemplates } from './ReplyTemplates';
import { RequestTable } from './RequestTable';

const TABS = ['requests', 'templates'] as const;

/** 依申请公开: the list of requests and, for the office, the reply templates. */
export const RequestsOverview = () => {
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  // Read from the signed-in user's permissions as they load (useRBAC checks once, and can check
  // before they have arrived after a reload).
  const canHandle = useAuth('RequestsOverview', (state) =>
    state.permissions.some((permission) => permission.action === ACTIONS.handleRequests)
  );
  const asked = TABS.find((name) => name === params.get('tab')) ?? 'requests';
  const tab = canHandle ? asked : 'requests';
  const title = label('requests.title', 'Disclosure requests');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={label('requests.subtitle', 'Requests for government information (依申请公开)')}
      />
      <Layouts.Content>
        {canHandle ? (
          <Tabs.Root
            value={tab}
            onValueChange={(value: string) => setParams({ tab: value }, { replace: true })}
            variant="simple"
          >
            <Tabs.List aria-label={title}>
              <Tabs.Trigger value="requests">
                {label('requests.tab.requests', 'Requests')}
              </Tabs.Trigger>
              <Tabs.Trigger value="templates">
                {label('requests.tab.templates', 'Reply templates')}
              </Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="requests">
              <Box paddingTop={6}>
                <RequestTable />
              </Box>
            </Tabs.Content>
            <Tabs.Content value="templates">
              <Box paddingTop={6}>
                <ReplyTemplates />
              </Box>
            </Tabs.Content>
          </Tabs.Root>
        ) : (
          <RequestTable />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
