import { useEffect, useState } from 'react';
import { Button, Flex, Loader, Typography } from '@strapi/design-system';
import { Layouts, Page, useAuth, useFetchClient } from '@strapi/strapi/admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type {
  ServiceItemAdminList,
  ServiceItemAdminView,
} from '../../../../shared/service-items/contracts';
import { ACTIONS } from '../../../../shared/kernel/constants';
import type { ReviewAction } from '../../../../shared/service-items/review';
import { useLabel } from '../../kernel/useLabel';
import { itemPath, servicePath } from '../paths';
import { GuideFields, type GuideForm } from './GuideFields';
import { HistoryList } from './HistoryList';
import { lifecycleLabel } from './labels';
import { ReviewPanel } from './ReviewPanel';
import { refusalOf, useGet, type Refusal } from './useServiceApi';
import { WithdrawPanel } from './WithdrawPanel';

type Form = GuideForm;

const formOf = (item: ServiceItemAdminView | null): Form => ({
  name: item?.name ?? '',
  itemType: item?.itemType ?? 'licensing',
  division: item?.division ?? '',
  legalBasis: item?.legalBasis ?? '',
  conditions: item?.conditions ?? '',
  materials: item?.materials ?? '',
  location: item?.location ?? '',
  hours: item?.hours ?? '',
  phone: item?.phone ?? '',
  process: item?.process ?? '',
  legalDays: item?.legalDays ? String(item.legalDays) : '',
  promisedDays: item?.promisedDays ? String(item.promisedDays) : '',
  fees: item?.fees ?? '',
  onlineUrl: item?.onlineUrl ?? '',
  onlineDepth: item?.onlineDepth ?? '',
});

/** The body the server takes: empty text as null, days as numbers. */
const bodyOf = (form: Form) =>
  Object.fromEntries(
    Object.entries(form).map(([key, value]) => {
      if (key === 'itemType') return [key, value];
      if (key === 'legalDays' || key === 'promisedDays') return [key, value ? Number(value) : null];
      return [key, value.trim() === '' ? null : value];
    })
  );

/**
 * One service item's 办事指南: edit the draft, submit it for review, approve, clear or return it,
 * publish it once cleared, withdraw it (reviewed as well); its history. The review steps shown are
 * the ones the server allows the current user.
 */
export const ItemEditor = () => {
  const label = useLabel();
  const canManage = useAuth('ServiceItemEditor', (state) =>
    state.permissions.some((permission) => permission.action === ACTIONS.manageServiceItems)
  );
  const navigate = useNavigate();
  const { documentId = 'new' } = useParams();
  const isNew = documentId === 'new';
  const { post, put } = useFetchClient();
  const list = useGet<ServiceItemAdminList>('/disclosure/service-items');
  const found = useGet<{ data: ServiceItemAdminView }>(
    isNew ? null : `/disclosure/service-items/${documentId}`
  );
  const item = found.data?.data ?? null;
  const [form, setForm] = useState<Form>(formOf(null));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setForm(formOf(item)), [item]);

  const set = (key: string) => (value: string) => setForm({ ...form, [key]: value });
  const errorOf = (key: string) => (refusal?.key === key ? refusal.message : null);
  const act = async (fn: () => Promise<ServiceItemAdminView>, done: string) => {
    setBusy(true);
    setRefusal(null);
    setNotice(null);
    try {
      const next = await fn();
      found.setData({ data: next });
      setNotice(done);
      if (isNew) navigate(itemPath(next.documentId), { replace: true });
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    act(
      async () => {
        const { data } = isNew
          ? await post<{ data: ServiceItemAdminView }>('/disclosure/service-items', bodyOf(form))
          : await put<{ data: ServiceItemAdminView }>(
              `/disclosure/service-items/${documentId}`,
              bodyOf(form)
            );
        return data.data;
      },
      label('serviceItems.saved', 'Saved as a draft')
    );
  const verb = (path: string, body: object, done: string) =>
    act(async () => {
      const { data } = await post<{ data: ServiceItemAdminView }>(
        `/disclosure/service-items/${documentId}/${path}`,
        body
      );
      return data.data;
    }, done);
  const divisions = list.data?.meta.divisions ?? [];
  const withdrawn = item?.lifecycle === 'withdrawn';
  const done: Record<ReviewAction, string> = {
    submit: label('serviceItems.review.submitted', 'Submitted for review'),
    approve: label('serviceItems.review.approved', 'Approved (发布审核)'),
    clear: label('serviceItems.review.cleared', 'Cleared (保密审查): it may be published'),
    return: label('serviceItems.review.returned', 'Returned to the editors'),
    publish: label('serviceItems.publishedNow', 'Published'),
  };

  return (
    <Page.Main>
      <Page.Title>{item?.name ?? label('serviceItems.new', 'New service item')}</Page.Title>
      <Layouts.Header
        title={item?.name || label('serviceItems.new', 'New service item')}
        subtitle={item ? lifecycleLabel(item.lifecycle) : undefined}
        navigationAction={
          <Link to={servicePath('?tab=items')}>
            {label('serviceItems.back', 'Back to the catalogue')}
          </Link>
        }
        primaryAction={
          <Flex gap={2}>
            {!withdrawn && canManage && (
              <Button variant="secondary" loading={busy} onClick={save} data-testid="item-save">
                {label('serviceItems.save', 'Save draft')}
              </Button>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        {found.error && <Typography textColor="danger600">{found.error}</Typography>}
        {!isNew && !item && !found.error && (
          <Loader small>{label('serviceCases.loading', 'Loading')}</Loader>
        )}
        {(isNew || item) && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            {refusal && (
              <Typography textColor="danger600" data-testid="item-error">
                {refusal.message}
              </Typography>
            )}
            {notice && <Typography textColor="success600">{notice}</Typography>}
            {item && item.missingGuideFields.length > 0 && (
              <Typography textColor="warning600">
                {label('serviceItems.missing', 'Missing before publication: {fields}', {
                  fields: item.missingGuideFields.join('、'),
                })}
              </Typography>
            )}
            {item && !withdrawn && (
              <ReviewPanel
                item={item}
                busy={busy}
                errorOf={errorOf}
                onStep={(action, body) => verb(action, body, done[action])}
              />
            )}
            <GuideFields form={form} set={set} errorOf={errorOf} divisions={divisions} />
            {item?.isPublished && !withdrawn && canManage && (
              <WithdrawPanel
                busy={busy}
                errorOf={errorOf}
                onWithdraw={(body) =>
                  verb(
                    'withdraw',
                    body,
                    label(
                      'serviceItems.withdrawalSubmitted',
                      'Withdrawal submitted for review: it takes effect once cleared and published'
                    )
                  )
                }
              />
            )}
            {item && item.history.length > 0 && <HistoryList history={item.history} />}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
