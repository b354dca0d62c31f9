import { Box, Tabs } from '@strapi/design-system';
import { Layouts, Page, useAuth } from '@strapi/strapi/admin';
import { Route, Routes, useSearchParams } from 'react-router-dom';
import { ACTIONS } from '../../../../shared/kernel/constants';
import type { ServiceItemChoice } from '../../../../shared/service-items/contracts';
import { useLabel } from '../../kernel/useLabel';
import { CaseTable } from '../components/CaseTable';
import { CaseView } from '../components/CaseView';
import { ImportCases } from '../components/ImportCases';
import { ItemEditor } from '../components/ItemEditor';
import { ItemList } from '../components/ItemList';
import { RegisterCase } from '../components/RegisterCase';
import { useGet } from '../components/useServiceApi';

const TABS = ['cases', 'register', 'import', 'items'] as const;

/**
 * 政务服务: the cases (list, register, import) for case handlers, the catalogue for its editors and
 * the reviewers of its guides.
 */
const Overview = () => {
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  // Read from the signed-in user's permissions as they load (as the requests page does).
  const actions = useAuth('ServiceCases', (state) =>
    state.permissions.map((permission) => permission.action)
  );
  const canHandle = actions.includes(ACTIONS.handleServiceCases);
  const canManage = actions.includes(ACTIONS.manageServiceItems);
  // The guides' reviewers (处室审核人, 保密审查员) see the catalogue, to review it.
  const canReview =
    actions.includes(ACTIONS.approveDivision) || actions.includes(ACTIONS.approveConfidentiality);
  const canSeeItems = canManage || canReview;
  const tabs = TABS.filter((tab) => (tab === 'items' ? canSeeItems : canHandle));
  const tab = tabs.find((name) => name === params.get('tab')) ?? tabs[0] ?? 'cases';
  const choices = useGet<{ data: ServiceItemChoice[] }>(
    canHandle || canManage ? '/disclosure/service-item-choices' : null
  );
  const items = choices.data?.data ?? [];
  const title = label('serviceCases.title', 'Government services');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={label('serviceCases.subtitle', 'Service items (政务服务事项) and cases (办件)')}
      />
      <Layouts.Content>
        <Tabs.Root
          value={tab}
          onValueChange={(value: string) => setParams({ tab: value }, { replace: true })}
          variant="simple"
        >
          <Tabs.List aria-label={title}>
            {tabs.map((name) => (
              <Tabs.Trigger key={name} value={name} data-testid={`tab-${name}`}>
                {label(`serviceCases.tab.${name}`, name)}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          {canHandle && (
            <>
              <Tabs.Content value="cases">
                <Box paddingTop={6}>
                  <CaseTable items={items} />
                </Box>
              </Tabs.Content>
              <Tabs.Content value="register">
                <Box paddingTop={6}>{choices.data && <RegisterCase items={items} />}</Box>
              </Tabs.Content>
              <Tabs.Content value="import">
                <Box paddingTop={6}>
                  <ImportCases onImported={() => undefined} />
                </Box>
              </Tabs.Content>
            </>
          )}
          {canSeeItems && (
            <Tabs.Content value="items">
              <Box paddingTop={6}>
                <ItemList canManage={canManage} />
              </Box>
            </Tabs.Content>
          )}
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

/** plugins/disclosure/service-cases: the overview, …/:caseNumber a case, …/items/:documentId an item. */
const ServiceCasesPage = () => (
  <Routes>
    <Route index element={<Overview />} />
    <Route path="items/:documentId" element={<ItemEditor />} />
    <Route path=":caseNumber" element={<CaseView />} />
  </Routes>
);

export default ServiceCasesPage;
