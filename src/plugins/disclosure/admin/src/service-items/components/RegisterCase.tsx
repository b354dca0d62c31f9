import { useState } from 'react';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import type { CaseView, ServiceItemChoice } from '../../../../shared/service-items/contracts';
import { useLabel } from '../../kernel/useLabel';
import { casePath } from '../paths';
import { ChoiceField, TextAreaField, TextField } from './fields';
import { APPLICANT_TYPE_OPTIONS } from './labels';
import { refusalOf, type Refusal } from './useServiceApi';

const today = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Registers an application (申请) for a published item in force; opens the new case. */
export const RegisterCase = ({ items }: { items: ServiceItemChoice[] }) => {
  const label = useLabel();
  const navigate = useNavigate();
  const { post } = useFetchClient();
  const open = items.filter((item) => item.lifecycle !== 'withdrawn');
  const [form, setForm] = useState({
    serviceItem: open[0]?.documentId ?? '',
    applicantType: 'legal',
    applicant: '',
    idNumber: '',
    phone: '',
    appliedOn: today(),
    caseNumber: '',
    note: '',
  });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const errorOf = (key: string) => (refusal?.key === key ? refusal.message : null);

  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    const body = Object.fromEntries(
      Object.entries(form).filter(([key, value]) => value !== '' || key === 'applicant')
    );
    try {
      const { data } = await post<{ data: CaseView }>('/disclosure/service-cases', body);
      navigate(casePath(data.data.caseNumber));
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box
      background="neutral0"
      padding={6}
      shadow="filterShadow"
      hasRadius
      data-testid="register-case"
    >
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <ChoiceField
            name="serviceItem"
            required
            label={label('serviceCases.register.item', 'Service item')}
            options={open.map((item): [string, string] => [item.documentId, item.name])}
            value={form.serviceItem}
            error={errorOf('serviceItem')}
            onChange={set('serviceItem')}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <ChoiceField
            name="applicantType"
            required
            label={label('serviceCases.applicantType', 'Applicant type')}
            options={APPLICANT_TYPE_OPTIONS}
            value={form.applicantType}
            error={errorOf('applicantType')}
            onChange={set('applicantType')}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="applicant"
            required
            label={label('serviceCases.applicant', 'Applicant')}
            value={form.applicant}
            error={errorOf('applicant')}
            onChange={set('applicant')}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="idNumber"
            label={label('serviceCases.idNumber', 'Identity number')}
            value={form.idNumber}
            error={errorOf('idNumber')}
            onChange={set('idNumber')}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="phone"
            label={label('serviceCases.phone', 'Phone')}
            value={form.phone}
            error={errorOf('phone')}
            onChange={set('phone')}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="appliedOn"
            type="date"
            required
            label={label('serviceCases.appliedOn', 'Applied')}
            value={form.appliedOn}
            error={errorOf('appliedOn')}
            onChange={set('appliedOn')}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="caseNumber"
            label={label('serviceCases.caseNumber', 'Case number')}
            hint={label(
              'serviceCases.caseNumber.hint',
              'Leave empty to number it FW<year>-<serial>'
            )}
            value={form.caseNumber}
            error={errorOf('caseNumber')}
            onChange={set('caseNumber')}
          />
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <TextAreaField
            name="note"
            label={label('serviceCases.step.note', 'Note')}
            value={form.note}
            onChange={set('note')}
          />
        </Grid.Item>
      </Grid.Root>
      <Flex paddingTop={4} gap={4}>
        <Button loading={busy} onClick={submit} data-testid="register-submit">
          {label('serviceCases.register.submit', 'Register the case')}
        </Button>
        {refusal && !refusal.key && (
          <Typography textColor="danger600">{refusal.message}</Typography>
        )}
      </Flex>
    </Box>
  );
};
