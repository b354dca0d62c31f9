import { useState } from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  KIND_LABELS,
  PROPOSAL_KINDS,
  type ProposalDetail,
  type RegisterProposalBody,
} from '../../../../shared/proposals/contracts';
import { errorMessage } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';
import { DivisionFields } from './DivisionFields';
import { ChoiceField, TextAreaField, TextField } from './ui';

/** Names typed in one field, separated by 、 or commas. */
const names = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .map((code) => code.trim())
    .filter(Boolean);

/** 登记交办: the coordinator registers a suggestion or proposal and assigns its divisions. */
export const RegisterModal = ({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (id: number) => void;
}) => {
  const label = useLabel();
  const { post } = useFetchClient();
  const [values, setValues] = useState({
    kind: 'deputy',
    term: '',
    meeting: '',
    number: '',
    title: '',
    content: '',
    proposer: '',
    delegation: '',
    phone: '',
    lead: '',
    dueDate: '',
  });
  const [coHandlers, setCoHandlers] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  const submit = async () => {
    setBusy(true);
    setError(null);
    const body: RegisterProposalBody = {
      kind: values.kind as RegisterProposalBody['kind'],
      term: values.term,
      meeting: values.meeting,
      number: values.number,
      title: values.title,
      content: values.content,
      proposers: names(values.proposer).map((name) => ({
        name,
        delegation: values.delegation || null,
        phone: values.phone || null,
      })),
      lead: values.lead,
      coHandlers,
      ...(values.dueDate ? { dueDate: values.dueDate } : {}),
    };
    try {
      const { data } = await post<{ data: ProposalDetail }>('/disclosure/proposals', body);
      onDone(data.data.id);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content data-testid="register-modal">
        <Modal.Header closeLabel={label('proposals.close', 'Close')}>
          <Modal.Title>{label('proposals.register', 'Register and assign')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <ChoiceField
              name="kind"
              label={label('proposals.field.kind', 'Kind')}
              options={PROPOSAL_KINDS.map((kind) => [kind, KIND_LABELS[kind]])}
              value={values.kind}
              onChange={set('kind')}
            />
            <TextField
              name="term"
              label={label('proposals.field.term', 'Term (届次)')}
              value={values.term}
              onChange={set('term')}
            />
            <TextField
              name="meeting"
              label={label('proposals.field.meeting', 'Meeting (次会议)')}
              value={values.meeting}
              onChange={set('meeting')}
            />
            <TextField
              name="number"
              label={label('proposals.field.number', 'Number')}
              value={values.number}
              onChange={set('number')}
            />
            <TextField
              name="title"
              label={label('proposals.field.title', 'Title')}
              value={values.title}
              onChange={set('title')}
            />
            <TextAreaField
              name="content"
              label={label('proposals.field.content', 'Content')}
              value={values.content}
              onChange={set('content')}
            />
            <TextField
              name="proposer"
              label={label('proposals.field.proposers', 'Deputies or members')}
              hint={label('proposals.field.proposers.hint', 'Names, separated by 、')}
              value={values.proposer}
              onChange={set('proposer')}
            />
            <TextField
              name="delegation"
              required={false}
              label={label('proposals.field.delegation', 'Delegation or sector')}
              value={values.delegation}
              onChange={set('delegation')}
            />
            <TextField
              name="phone"
              required={false}
              label={label('proposals.field.phone', 'Telephone (kept encrypted)')}
              value={values.phone}
              onChange={set('phone')}
            />
            <DivisionFields
              lead={values.lead}
              coHandlers={coHandlers}
              onLead={set('lead')}
              onCoHandlers={setCoHandlers}
            />
            <TextField
              name="dueDate"
              type="date"
              required={false}
              label={label('proposals.field.dueDate', 'Reply due (default: 3 months)')}
              value={values.dueDate}
              onChange={set('dueDate')}
            />
            {error && (
              <Typography textColor="danger600" role="alert" data-testid="register-error">
                {error}
              </Typography>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{label('proposals.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} loading={busy} data-testid="register-submit">
            {label('proposals.confirm', 'Confirm')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
