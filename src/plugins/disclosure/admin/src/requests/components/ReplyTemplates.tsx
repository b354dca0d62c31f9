import { useState } from 'react';
import {
  Button,
  Field,
  Flex,
  Loader,
  Modal,
  Table,
  Tbody,
  Td,
  TextInput,
  Textarea,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { TableHead } from '../../kernel/components/TableHead';
import { errorMessage } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';
import type { ReplyTemplateView as ReplyTemplate } from '../../../../shared/requests/contracts';
import { PLACEHOLDERS } from './labels';
import { useReplyTemplates } from './useReplyTemplates';

const PLACEHOLDER_LIST = PLACEHOLDERS.map((name) => `{{${name}}}`).join(' ');

/** 答复模板: one reply letter per outcome of table 三, each editable by the office. */
export const ReplyTemplates = () => {
  const label = useLabel();
  const [error, setError] = useState<string | null>(null);
  const [templates, setTemplates] = useReplyTemplates(true, setError);
  const [editing, setEditing] = useState<ReplyTemplate | null>(null);

  const saved = (template: ReplyTemplate) => {
    setTemplates((current) =>
      (current ?? []).map((entry) => (entry.outcome === template.outcome ? template : entry))
    );
    setEditing(null);
  };

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!templates) return <Loader small>{label('requests.loading', 'Loading')}</Loader>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="pi" textColor="neutral600">
        {label('templates.hint', 'Placeholders: {placeholders}', {
          placeholders: PLACEHOLDER_LIST,
        })}
      </Typography>
      <Table colCount={3} rowCount={templates.length + 1} data-testid="reply-templates">
        <TableHead
          labels={[
            label('templates.outcome', 'Outcome'),
            label('templates.article', 'Legal basis'),
            label('templates.actions', 'Edit'),
          ]}
        />
        <Tbody>
          {templates.map((template) => (
            <Tr key={template.outcome} data-testid="reply-template" data-outcome={template.outcome}>
              <Td style={{ whiteSpace: 'normal' }}>
                <Typography>{template.label}</Typography>
                {template.unknownPlaceholders.length > 0 && (
                  <Typography variant="pi" textColor="danger600" tag="p" role="status">
                    {label(
                      'templates.unknownPlaceholders',
                      'Not filled, shown as written: {names}',
                      { names: template.unknownPlaceholders.map((name) => `{{${name}}}`).join(' ') }
                    )}
                  </Typography>
                )}
              </Td>
              <Td style={{ whiteSpace: 'normal', maxWidth: '360px' }}>
                <Typography variant="pi">{template.article}</Typography>
              </Td>
              <Td>
                <Button variant="tertiary" size="S" onClick={() => setEditing(template)}>
                  {label('templates.edit', 'Edit')}
                </Button>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {editing && (
        <TemplateEditor
          key={editing.outcome}
          template={editing}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </Flex>
  );
};

const TemplateEditor = ({
  template,
  onClose,
  onSaved,
}: {
  template: ReplyTemplate;
  onClose: () => void;
  onSaved: (template: ReplyTemplate) => void;
}) => {
  const label = useLabel();
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [form, setForm] = useState({
    article: template.article,
    subject: template.subject,
    body: template.body,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await put<{ data: ReplyTemplate } | ReplyTemplate>(
        `/disclosure/reply-templates/${encodeURIComponent(template.outcome)}`,
        form
      );
      const saved = 'data' in data ? data.data : data;
      onSaved({ ...template, ...saved });
      toggleNotification({ type: 'success', message: label('templates.saved', 'Template saved') });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: 'article' | 'subject') => (
    <Field.Root name={name} required>
      <Field.Label>{label(`templates.${name}`, name)}</Field.Label>
      <TextInput
        value={form[name]}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
          setForm((current) => ({ ...current, [name]: event.target.value }))
        }
      />
    </Field.Root>
  );

  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content data-testid="template-editor">
        <Modal.Header closeLabel={label('requests.modal.close', 'Close')}>
          <Modal.Title>{template.label}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {field('article')}
            {field('subject')}
            <Field.Root name="body" required>
              <Field.Label>{label('templates.body', 'Letter')}</Field.Label>
              <Textarea
                value={form.body}
                rows={14}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setForm((current) => ({ ...current, body: event.target.value }))
                }
              />
            </Field.Root>
            {error && (
              <Typography textColor="danger600" role="alert">
                {error}
              </Typography>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{label('requests.modal.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={save} loading={busy}>
            {label('templates.save', 'Save')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
