import { useState } from 'react';
import { Box, Button, Flex, Grid, Loader, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import type { CaseAction } from '../../../../shared/service-items/cases';
import type { CaseView as Case } from '../../../../shared/service-items/contracts';
import { useLabel } from '../../kernel/useLabel';
import { servicePath } from '../paths';
import { ChoiceField, TextAreaField, TextField } from './fields';
import {
  actionLabel,
  APPLICANT_TYPE_OPTIONS,
  DECISION_OPTIONS,
  decisionLabel,
  stateLabel,
} from './labels';
import { UrgencyBadge } from './UrgencyBadge';
import { refusalOf, useGet, type Refusal } from './useServiceApi';

const today = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

const Fact = ({ name, value }: { name: string; value: string | null | undefined }) => (
  <Grid.Item col={4} s={12} direction="column" alignItems="flex-start">
    <Typography variant="sigma" textColor="neutral600">
      {name}
    </Typography>
    <Typography>{value || '—'}</Typography>
  </Grid.Item>
);

/** One case: its facts, its timeline, and the steps the server allows now. */
export const CaseView = () => {
  const label = useLabel();
  const { caseNumber = '' } = useParams();
  const { data, setData, error } = useGet<{ data: Case }>(
    `/disclosure/service-cases/${encodeURIComponent(caseNumber)}`
  );
  const entry = data?.data;
  const applicantType = Object.fromEntries(APPLICANT_TYPE_OPTIONS);

  return (
    <Page.Main>
      <Page.Title>{caseNumber}</Page.Title>
      <Layouts.Header
        title={`${label('serviceCases.case', 'Case')} ${caseNumber}`}
        subtitle={entry?.itemName}
        navigationAction={
          <Link to={servicePath()}>{label('serviceCases.back', 'Back to the cases')}</Link>
        }
      />
      <Layouts.Content>
        {error && <Typography textColor="danger600">{error}</Typography>}
        {!entry && !error && <Loader small>{label('serviceCases.loading', 'Loading')}</Loader>}
        {entry && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Flex gap={3} data-testid="case-state" data-state={entry.state}>
              <Typography variant="delta">
                {stateLabel(entry.state)} {decisionLabel(entry.decision)}
              </Typography>
              <UrgencyBadge urgency={entry.urgency} />
            </Flex>
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Grid.Root gap={4}>
                <Fact name={label('serviceCases.applicant', 'Applicant')} value={entry.applicant} />
                <Fact
                  name={label('serviceCases.applicantType', 'Applicant type')}
                  value={applicantType[entry.applicantType]}
                />
                <Fact
                  name={label('serviceCases.idNumber', 'Identity number')}
                  value={entry.idNumber}
                />
                <Fact name={label('serviceCases.phone', 'Phone')} value={entry.phone} />
                <Fact name={label('serviceCases.appliedOn', 'Applied')} value={entry.appliedOn} />
                <Fact
                  name={label('serviceCases.acceptedOn', 'Accepted')}
                  value={entry.acceptedOn}
                />
                <Fact
                  name={label('serviceCases.promisedDue', 'Promised date (承诺时限)')}
                  value={entry.promisedDue && `${entry.promisedDue}（${entry.promisedDays}）`}
                />
                <Fact
                  name={label('serviceCases.legalDue', 'Legal limit (法定时限)')}
                  value={entry.legalDue && `${entry.legalDue}（${entry.legalDays}）`}
                />
                <Fact name={label('serviceCases.closedOn', 'Closed')} value={entry.closedOn} />
              </Grid.Root>
            </Box>
            <Steps entry={entry} onDone={(next) => setData({ data: next })} />
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Typography variant="delta" tag="h2">
                {label('serviceCases.timeline', 'Timeline')}
              </Typography>
              <Flex
                tag="ol"
                direction="column"
                alignItems="stretch"
                paddingTop={3}
                data-testid="timeline"
              >
                {entry.events.map((event, index) => (
                  <Flex
                    key={`${event.recordedAt}/${index}`}
                    tag="li"
                    gap={4}
                    paddingTop={2}
                    data-testid="timeline-entry"
                    data-type={event.type}
                  >
                    <Box minWidth="100px">
                      <Typography variant="pi" textColor="neutral600">
                        {event.date}
                      </Typography>
                    </Box>
                    <Box minWidth="80px">
                      <Typography fontWeight="semiBold">
                        {actionLabel(event.type)} {decisionLabel(event.decision)}
                      </Typography>
                    </Box>
                    <Box minWidth="120px">
                      <Typography variant="pi">{event.actorName}</Typography>
                    </Box>
                    <Typography variant="pi">{event.note ?? ''}</Typography>
                  </Flex>
                ))}
              </Flex>
            </Box>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

/** The steps the server allows (allowedActions), each with its date, note and, for 决定, the decision. */
const Steps = ({ entry, onDone }: { entry: Case; onDone: (next: Case) => void }) => {
  const label = useLabel();
  const { post } = useFetchClient();
  const [action, setAction] = useState<CaseAction | null>(null);
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const [decision, setDecision] = useState('granted');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  if (entry.allowedActions.length === 0) return null;

  const submit = async () => {
    if (!action) return;
    setBusy(true);
    setRefusal(null);
    try {
      const { data } = await post<{ data: Case }>(
        `/disclosure/service-cases/${encodeURIComponent(entry.caseNumber)}/${action}`,
        { date, ...(note ? { note } : {}), ...(action === 'decide' ? { decision } : {}) }
      );
      setAction(null);
      setNote('');
      onDone(data.data);
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius data-testid="case-steps">
      <Flex gap={2} paddingBottom={action ? 4 : 0}>
        {entry.allowedActions.map((allowed) => (
          <Button
            key={allowed}
            variant={action === allowed ? 'default' : 'secondary'}
            onClick={() => setAction(allowed)}
            data-testid={`step-${allowed}`}
          >
            {actionLabel(allowed)}
          </Button>
        ))}
      </Flex>
      {action && (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <TextField
            name="date"
            type="date"
            required
            label={label('serviceCases.step.date', 'Date')}
            value={date}
            error={refusal?.key === 'date' ? refusal.message : null}
            onChange={setDate}
          />
          {action === 'decide' && (
            <ChoiceField
              name="decision"
              required
              label={label('serviceCases.step.decision', 'Decision')}
              options={DECISION_OPTIONS}
              value={decision}
              onChange={setDecision}
            />
          )}
          <TextAreaField
            name="note"
            label={label('serviceCases.step.note', 'Note')}
            value={note}
            onChange={setNote}
          />
          {refusal && refusal.key !== 'date' && (
            <Typography textColor="danger600" data-testid="step-error">
              {refusal.message}
            </Typography>
          )}
          <Box>
            <Button loading={busy} onClick={submit} data-testid="step-submit">
              {label('serviceCases.step.record', 'Record {step}', { step: actionLabel(action) })}
            </Button>
          </Box>
        </Flex>
      )}
    </Box>
  );
};
