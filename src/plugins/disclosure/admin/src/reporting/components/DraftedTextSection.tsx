/**
 * A text section drafted from records — 一、总体情况 from the year's figures, 五、存在的主要问题及改进
 * 情况 from the monitor's (stale days, blank columns): the coordinator's text, the button that
 * drafts it, and the draft with every number linked to its records. Drafting never
 * overwrites an edited text silently: the server answers 409 with the new draft, shown here beside
 * the edited text, and only "Replace" overwrites it.
 */
import { Badge, Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';
import type { DraftPart, GeneratedOverview } from '../../../../shared/reporting/contracts';
import { useLabel } from '../../kernel/useLabel';
import { useDrillDown } from './DrillDown';
import { REPORT_LOCALE } from './ReportTableView';
import type { ReportForm } from './annual-report-form';
import type { AnnualReportState } from './useAnnualReport';
import type { DraftedSection, ReportCommands } from './useReportCommands';

type Loaded = AnnualReportState & { form: ReportForm };

export const DraftedTextSection = ({
  year,
  section,
  heading,
  report,
  commands,
}: {
  year: number;
  section: DraftedSection;
  heading: string;
  report: Loaded;
  commands: ReportCommands;
}) => {
  const label = useLabel();
  const { form, readOnly, change } = report;
  const last = report.report?.[`${section}Draft`] ?? null;
  const conflict = commands.conflicts[section];
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid={`report-${section}`}>
      <Flex justifyContent="space-between" gap={3} wrap="wrap">
        <Typography variant="delta" tag="h3">
          {heading}
        </Typography>
        <Button
          variant="secondary"
          size="S"
          loading={commands.busy === `draft-${section}`}
          // Unsaved changes are saved first: not while they cannot be.
          disabled={readOnly || (report.isDirty && report.cannotSave)}
          onClick={() => commands.draftSection(section, false)}
          data-testid={`report-draft-${section}`}
        >
          {label('report.overview.draft', 'Draft from records')}
        </Button>
      </Flex>
      <Field.Root name={section}>
        <Field.Label>{label('report.overview.text', 'Text of the report')}</Field.Label>
        <Textarea
          name={section}
          value={form[section]}
          disabled={readOnly}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
            change({ [section]: event.target.value })
          }
        />
      </Field.Root>

      {conflict && (
        <DraftConflict year={year} section={section} draft={conflict.draft} commands={commands} />
      )}
      {last && !conflict && (
        <LastDraft
          year={year}
          section={section}
          draft={last}
          isEdited={report.report?.[`${section}Edited`] === true}
        />
      )}
    </Flex>
  );
};

/** The new draft beside the coordinator's edited text (the server's 409): replace or keep. */
const DraftConflict = ({
  year,
  section,
  draft,
  commands,
}: {
  year: number;
  section: DraftedSection;
  draft: GeneratedOverview;
  commands: ReportCommands;
}) => {
  const label = useLabel();
  return (
    <Box
      padding={4}
      background="warning100"
      borderColor="warning200"
      hasRadius
      data-testid={`report-${section}-conflict`}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="omega" fontWeight="bold">
          {label(
            'report.overview.conflict',
            'The text was edited since it was last drafted from records. The new draft is below; your text is kept unless you replace it.'
          )}
        </Typography>
        <LinkedDraft year={year} draft={draft} testId={`report-${section}-new-draft`} />
        <Flex gap={2}>
          <Button
            variant="danger-light"
            size="S"
            loading={commands.busy === `draft-${section}`}
            onClick={() => commands.draftSection(section, true)}
            data-testid={`report-${section}-replace`}
          >
            {label('report.overview.replace', 'Replace my text with this draft')}
          </Button>
          <Button variant="tertiary" size="S" onClick={() => commands.keep(section)}>
            {label('report.overview.keep', 'Keep my text')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};

/** The last draft put into the report, its numbers linked; marked when the text was edited since. */
const LastDraft = ({
  year,
  section,
  draft,
  isEdited,
}: {
  year: number;
  section: DraftedSection;
  draft: GeneratedOverview;
  isEdited: boolean;
}) => {
  const label = useLabel();
  return (
    <Box padding={3} background="neutral100" hasRadius data-testid={`report-${section}-last-draft`}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2}>
          <Typography variant="sigma" textColor="neutral600">
            {label('report.overview.lastDraft', 'Last draft from records')}
          </Typography>
          {isEdited && (
            <Badge size="S" data-testid={`report-${section}-edited`}>
              {label('report.overview.edited', 'edited since')}
            </Badge>
          )}
        </Flex>
        <LinkedDraft year={year} draft={draft} testId={`report-${section}-draft-text`} />
        <Typography variant="pi" textColor="neutral600">
          {label(
            'report.overview.linkHint',
            'Click a number for the records behind it; percentages are computed from them.'
          )}
        </Typography>
      </Flex>
    </Box>
  );
};

/** A generated text with each quoted count as a link to its records. */
const LinkedDraft = ({
  year,
  draft,
  testId,
}: {
  year: number;
  draft: GeneratedOverview;
  testId: string;
}) => {
  const open = useDrillDown();
  const label = useLabel();
  if (draft.text === '') {
    return (
      <Typography textColor="neutral600" data-testid={testId}>
        {label('report.overview.nothing', 'The records of this year have nothing to report yet.')}
      </Typography>
    );
  }
  return (
    <Typography tag="p" data-testid={testId}>
      {draft.parts.map((part: DraftPart, index) =>
        part.figure ? (
          <NumberLink
            key={index}
            type="button"
            data-figure={part.figure}
            onClick={() =>
              open({
                key: part.figure!,
                label: `${draft.parts[index - 1]?.text.split(/[，；、]/).pop() ?? ''}${part.text}`,
                year,
                locale: REPORT_LOCALE,
              })
            }
          >
            {part.text}
          </NumberLink>
        ) : (
          <span key={index} data-measure={part.measure}>
            {part.text}
          </span>
        )
      )}
    </Typography>
  );
};

const NumberLink = styled.button`
  border: none;
  background: none;
  padding: 0;
  cursor: pointer;
  font: inherit;
  font-weight: 600;
  color: ${({ theme }) => theme.colors.primary600};
  text-decoration: underline;
`;
