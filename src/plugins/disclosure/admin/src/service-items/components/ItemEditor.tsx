import { useEffect, useState } from 'react';
import { Box, Button, Flex, Grid, Loader, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { GUIDE_FIELDS, WITHDRAWAL_KINDS } from '../../../../shared/service-items/catalogue';
import type {
  ServiceItemAdminList,
  ServiceItemAdminView,
} from '../../../../shared/service-items/contracts';
import { useLabel } from '../../kernel/useLabel';
import { itemPath, servicePath } from '../paths';
import { ChoiceField, TextAreaField, TextField } from './fields';
import {
  ITEM_TYPE_OPTIONS,
  lifecycleLabel,
  ONLINE_DEPTH_OPTIONS,
  WITHDRAWAL_OPTIONS,
} from './labels';
import { refusalOf, useGet, type Refusal } from './useServiceApi';

type Form = Record<string, string>;

const TEXT_FIELDS = [
  'legalBasis',
  'conditions',
  'materials',
  'location',
  'hours',
  'process',
  'fees',
] as const;

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

/** One service item's 办事指南: edit the draft, publish it, withdraw it; its history. */
export const ItemEditor = () => {
  const label = useLabel();
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
  const [withdrawal, setWithdrawal] = useState<Form>({
    kind: 'taken_back',
    date: '',
    authority: '',
    reason: '',
  });
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
            {!withdrawn && (
              <Button variant="secondary" loading={busy} onClick={save} data-testid="item-save">
                {label('serviceItems.save', 'Save draft')}
              </Button>
            )}
            {item && !withdrawn && (
              <Button
                loading={busy}
                onClick={() => verb('publish', {}, label('serviceItems.publishedNow', 'Published'))}
                data-testid="item-publish"
              >
                {label('serviceItems.publish', 'Publish')}
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
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="name"
                    required
                    label={GUIDE_FIELDS.name}
                    value={form.name}
                    error={errorOf('name')}
                    onChange={set('name')}
                  />
                </Grid.Item>
                <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                  <ChoiceField
                    name="itemType"
                    required
                    label={GUIDE_FIELDS.itemType}
                    options={ITEM_TYPE_OPTIONS}
                    value={form.itemType}
                    error={errorOf('itemType')}
                    onChange={set('itemType')}
                  />
                </Grid.Item>
                <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                  <ChoiceField
                    name="division"
                    label={GUIDE_FIELDS.division}
                    options={[
                      ['', '—'],
                      ...divisions.map((entry): [string, string] => [entry.documentId, entry.name]),
                    ]}
                    value={form.division}
                    error={errorOf('division')}
                    onChange={set('division')}
                  />
                </Grid.Item>
                {TEXT_FIELDS.map((field) => (
                  <Grid.Item key={field} col={6} s={12} direction="column" alignItems="stretch">
                    <TextAreaField
                      name={field}
                      required={field !== 'fees'}
                      label={GUIDE_FIELDS[field]}
                      value={form[field]}
                      error={errorOf(field)}
                      onChange={set(field)}
                    />
                  </Grid.Item>
                ))}
                <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="phone"
                    required
                    label={GUIDE_FIELDS.phone}
                    value={form.phone}
                    error={errorOf('phone')}
                    onChange={set('phone')}
                  />
                </Grid.Item>
                <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="legalDays"
                    type="number"
                    label={`${GUIDE_FIELDS.legalDays}（工作日）`}
                    value={form.legalDays}
                    error={errorOf('legalDays')}
                    onChange={set('legalDays')}
                  />
                </Grid.Item>
                <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="promisedDays"
                    type="number"
                    label={`${GUIDE_FIELDS.promisedDays}（工作日）`}
                    value={form.promisedDays}
                    error={errorOf('promisedDays')}
                    onChange={set('promisedDays')}
                  />
                </Grid.Item>
                <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                  <ChoiceField
                    name="onlineDepth"
                    label={GUIDE_FIELDS.onlineDepth}
                    options={[['', '—'], ...ONLINE_DEPTH_OPTIONS]}
                    value={form.onlineDepth}
                    error={errorOf('onlineDepth')}
                    onChange={set('onlineDepth')}
                  />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="onlineUrl"
                    label={GUIDE_FIELDS.onlineUrl}
                    value={form.onlineUrl}
                    error={errorOf('onlineUrl')}
                    onChange={set('onlineUrl')}
                  />
                </Grid.Item>
              </Grid.Root>
            </Box>
            {item?.isPublished && !withdrawn && (
              <Box
                background="neutral0"
                padding={6}
                shadow="filterShadow"
                hasRadius
                data-testid="item-withdraw"
              >
                <Typography variant="delta" tag="h2">
                  {label('serviceItems.withdraw', 'Withdraw (取消 / 下放 / 上级收回)')}
                </Typography>
                <Grid.Root gap={4} paddingTop={4}>
                  <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                    <ChoiceField
                      name="kind"
                      required
                      label={label('serviceItems.withdraw.kind', 'How')}
                      options={WITHDRAWAL_OPTIONS}
                      value={withdrawal.kind}
                      onChange={(kind) => setWithdrawal({ ...withdrawal, kind })}
                    />
                  </Grid.Item>
                  <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                    <TextField
                      name="withdrawDate"
                      type="date"
                      required
                      label={label('serviceItems.withdraw.date', 'Date')}
                      value={withdrawal.date}
                      error={errorOf('date')}
                      onChange={(date) => setWithdrawal({ ...withdrawal, date })}
                    />
                  </Grid.Item>
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <TextField
                      name="authority"
                      required
                      label={label('serviceItems.withdraw.authority', 'Deciding authority')}
                      value={withdrawal.authority}
                      error={errorOf('authority')}
                      onChange={(authority) => setWithdrawal({ ...withdrawal, authority })}
                    />
                  </Grid.Item>
                  <Grid.Item col={12} direction="column" alignItems="stretch">
                    <TextAreaField
                      name="reason"
                      label={label('serviceItems.withdraw.reason', 'Reason')}
                      value={withdrawal.reason}
                      onChange={(reason) => setWithdrawal({ ...withdrawal, reason })}
                    />
                  </Grid.Item>
                </Grid.Root>
                <Box paddingTop={4}>
                  <Button
                    variant="danger"
                    loading={busy}
                    onClick={() =>
                      verb(
                        'withdraw',
                        {
                          kind: withdrawal.kind,
                          date: withdrawal.date,
                          authority: withdrawal.authority,
                          ...(withdrawal.reason ? { reason: withdrawal.reason } : {}),
                        },
                        label('serviceItems.withdrawn', 'Withdrawn: the website shows it marked')
                      )
                    }
                  >
                    {label('serviceItems.withdraw.submit', 'Withdraw {kind}', {
                      kind:
                        WITHDRAWAL_KINDS[withdrawal.kind as keyof typeof WITHDRAWAL_KINDS] ?? '',
                    })}
                  </Button>
                </Box>
              </Box>
            )}
            {item && item.history.length > 0 && (
              <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
                <Typography variant="delta" tag="h2">
                  {label('serviceItems.history', 'History (shown on the website)')}
                </Typography>
                <Flex tag="ol" direction="column" alignItems="stretch" paddingTop={3}>
                  {item.history.map((entry, index) => (
                    <Typography tag="li" key={index}>
                      {entry.date}{' '}
                      {entry.kind === 'published'
                        ? '发布'
                        : entry.kind === 'adjusted'
                          ? `调整：${entry.changes.join('、')}`
                          : `${WITHDRAWAL_KINDS[entry.withdrawalKind ?? 'cancelled']}（${entry.authority ?? ''}）${entry.note ?? ''}`}
                    </Typography>
                  ))}
                </Flex>
              </Box>
            )}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
