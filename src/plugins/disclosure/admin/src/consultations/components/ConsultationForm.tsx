import { useState } from 'react';
import { Box, Button, Checkbox, Field, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  ConsultationBody,
  ConsultationDetail,
} from '../../../../shared/consultations/contracts';
import { splitDraft } from '../../../../shared/consultations/units';
import { errorMessage } from '../../kernel/api';
import { ChoiceField, TextAreaField, TextField } from '../../kernel/components/form-fields';
import { useLabel } from '../../kernel/useLabel';
import { useConsultationDivisions } from './useConsultationDivisions';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysLater = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const NO_DIVISION = '';

/**
 * A new consultation, or a draft's changes: the draft's text (split into articles or paragraphs
 * as the website will show them), its file, the period. A major decision's period shorter than
 * the minimum needs the coordinator's reason (the server says so).
 */
export const ConsultationForm = ({
  consultation,
  onClose,
  onDone,
}: {
  consultation?: ConsultationDetail;
  onClose: () => void;
  onDone: (detail: ConsultationDetail) => void;
}) => {
  const label = useLabel();
  const { post, put } = useFetchClient();
  const divisions = useConsultationDivisions();
  const [values, setValues] = useState({
    title: consultation?.title ?? '',
    division: consultation?.division ?? NO_DIVISION,
    purpose: consultation?.purpose ?? '',
    draftText: consultation?.draftText ?? '',
    opensOn: consultation?.opensOn ?? today(),
    closesOn: consultation?.closesOn ?? daysLater(today(), 29),
    shortenedReason: consultation?.shortenedReason ?? '',
  });
  const [isMajorDecision, setMajor] = useState(consultation?.isMajorDecision ?? false);
  const [file, setFile] = useState(consultation?.draftFile ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const units = values.draftText.trim() ? splitDraft(values.draftText) : null;

  const upload = async (chosen: File | undefined) => {
    if (!chosen) return;
    setError(null);
    const form = new FormData();
    form.append('files', chosen);
    try {
      const { data } = await post<Array<{ id: number; name: string; url: string }>>(
        '/upload',
        form
      );
      setFile(data[0]);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    const body: ConsultationBody = {
      title: values.title,
      purpose: values.purpose,
      draftText: values.draftText,
      opensOn: values.opensOn,
      closesOn: values.closesOn,
      isMajorDecision,
      draftFile: file?.id ?? null,
      shortenedReason: values.shortenedReason.trim() || null,
      ...(values.division ? { division: values.division } : {}),
    };
    try {
      const { data } = consultation
        ? await put<{ data: ConsultationDetail }>(
            `/disclosure/consultations/${consultation.id}`,
            body
          )
        : await post<{ data: ConsultationDetail }>('/disclosure/consultations', body);
      onDone(data.data);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content data-testid="consultation-form">
        <Modal.Header closeLabel={label('consultations.close', 'Close')}>
          <Modal.Title>
            {consultation
              ? label('consultations.action.edit', 'Edit')
              : label('consultations.create', 'New consultation')}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <TextField
              name="title"
              label={label('consultations.field.title', 'Title of the draft')}
              value={values.title}
              onChange={set('title')}
            />
            <ChoiceField
              name="division"
              label={label('consultations.field.division', 'Division')}
              hint={label(
                'consultations.field.division.hint',
                'Staff of a division consult for their own; the coordinator chooses.'
              )}
              options={[
                [NO_DIVISION, label('consultations.field.division.own', 'My division')],
                ...divisions.map((division): [string, string] => [division.code, division.name]),
              ]}
              value={values.division}
              onChange={set('division')}
            />
            <TextAreaField
              name="purpose"
              label={label('consultations.field.purpose', 'Purpose (征求意见说明)')}
              value={values.purpose}
              onChange={set('purpose')}
            />
            <TextAreaField
              name="draftText"
              rows={12}
              label={label('consultations.field.draftText', 'Text of the draft')}
              hint={label(
                'consultations.field.draftText.hint',
                'Lines starting 第X条 become articles; without articles, each paragraph is a unit the public comments on.'
              )}
              value={values.draftText}
              onChange={set('draftText')}
            />
            {units && (
              <Typography
                variant="pi"
                textColor={units.ok ? 'neutral600' : 'danger600'}
                data-testid="consultation-units-preview"
              >
                {units.ok
                  ? label('consultations.units.preview', '{count} units: {labels}', {
                      count: units.units.length,
                      labels: units.units.map((unit) => unit.label).join('、'),
                    })
                  : units.problem}
              </Typography>
            )}
            <Field.Root name="draftFile">
              <Field.Label>
                {label('consultations.field.draftFile', 'The draft as a file')}
              </Field.Label>
              <Flex gap={3}>
                <input
                  type="file"
                  aria-label={label('consultations.field.draftFile', 'The draft as a file')}
                  onChange={(event) => upload(event.target.files?.[0])}
                />
                {file && (
                  <Typography variant="pi">
                    {file.name}{' '}
                    <Button variant="tertiary" size="S" onClick={() => setFile(null)}>
                      {label('consultations.field.draftFile.remove', 'Remove')}
                    </Button>
                  </Typography>
                )}
              </Flex>
            </Field.Root>
            <Flex gap={4}>
              <Box flex="1">
                <TextField
                  name="opensOn"
                  type="date"
                  label={label('consultations.field.opensOn', 'Opens on')}
                  value={values.opensOn}
                  onChange={set('opensOn')}
                />
              </Box>
              <Box flex="1">
                <TextField
                  name="closesOn"
                  type="date"
                  label={label('consultations.field.closesOn', 'Closes on')}
                  value={values.closesOn}
                  onChange={set('closesOn')}
                />
              </Box>
            </Flex>
            <Checkbox
              checked={isMajorDecision}
              onCheckedChange={(checked: boolean | 'indeterminate') => setMajor(checked === true)}
            >
              {label(
                'consultations.field.isMajorDecision',
                'Major administrative decision (重大行政决策)'
              )}
            </Checkbox>
            {isMajorDecision && (
              <TextAreaField
                name="shortenedReason"
                required={false}
                label={label(
                  'consultations.field.shortenedReason',
                  'Why the period is shorter than the minimum (coordinator only)'
                )}
                value={values.shortenedReason}
                onChange={set('shortenedReason')}
              />
            )}
            {error && (
              <Typography textColor="danger600" role="alert" data-testid="consultation-form-error">
                {error}
              </Typography>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{label('consultations.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} loading={busy} data-testid="consultation-form-submit">
            {label('consultations.save', 'Save')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
