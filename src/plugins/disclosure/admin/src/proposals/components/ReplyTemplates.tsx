import { useEffect, useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { KIND_LABELS } from '../../../../shared/proposals/contracts';
import {
  PROPOSAL_PLACEHOLDERS,
  type ProposalReplyTemplate,
} from '../../../../shared/proposals/reply-templates';
import { errorMessage } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';
import { Section, TextAreaField, TextField } from './ui';

/** 答复函模板: the office's wording of the letter to deputies and to members. */
export const ReplyTemplates = () => {
  const label = useLabel();
  const { get } = useFetchClient();
  const [templates, setTemplates] = useState<ProposalReplyTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<{ data: ProposalReplyTemplate[] }>('/disclosure/proposal-reply-templates').then(
      ({ data }) => setTemplates(data.data),
      (failure: unknown) => setError(errorMessage(failure))
    );
  }, [get]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="pi" textColor="neutral600">
        {label('proposals.templates.placeholders', 'Placeholders: {names}', {
          names: PROPOSAL_PLACEHOLDERS.map((name) => `{{${name}}}`).join(' '),
        })}
      </Typography>
      {templates?.map((template) => (
        <TemplateForm key={template.kind} template={template} />
      ))}
    </Flex>
  );
};

const TemplateForm = ({ template }: { template: ProposalReplyTemplate }) => {
  const label = useLabel();
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await put(`/disclosure/proposal-reply-templates/${template.kind}`, { subject, body });
      toggleNotification({ type: 'success', message: label('proposals.templates.saved', 'Saved') });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={KIND_LABELS[template.kind]} testId={`template-${template.kind}`}>
      <TextField
        name="subject"
        label={label('proposals.templates.subject', 'Subject')}
        value={subject}
        onChange={setSubject}
      />
      <TextAreaField
        name="body"
        label={label('proposals.templates.body', 'Letter')}
        value={body}
        onChange={setBody}
      />
      {error && (
        <Typography textColor="danger600" role="alert">
          {error}
        </Typography>
      )}
      <Flex>
        <Button onClick={save} loading={busy}>
          {label('proposals.templates.save', 'Save')}
        </Button>
      </Flex>
    </Section>
  );
};
