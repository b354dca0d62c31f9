/**
 * 一、总体情况 with its draft from records: the coordinator's text, the button that drafts it from
 * the year's figures, and the draft with every number linked to its records. Drafting never
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
import type { ReportCommands } from './useReportCommands';

type Loaded = AnnualReportState & { form: ReportForm };

export const OverviewSection = ({
  year,
  report,
  commands,
}: {
  year: number;
  report: Loaded;
  commands: ReportCommands;
}) => {
  const label = useLabel();
  const { form, readOnly, change } = report;
  const last = report.report?.overviewDraft ?? null;
  const conflict = commands.overviewConflict;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="report-overview">
      <Flex justifyContent="space-between" gap={3} wrap="wrap">
        <Typography variant="delta" tag="h3">
          {label('report.overview', 'I. Overview')}
        </Typography>
        <Button
          variant="secondary"
          size="S"
          loading={commands.busy === 'draft'}
          // Unsaved changes are saved first: not while they cannot be.
          disabled={readOnly || (report.isDirty && report.cannotSave)}
          onClick={() => commands.draftOverview(false)}
          data-testid="report-draft-overview"
        >
          {label('report.overview.draft', 'Draft from records')}
        </Button>
      </Flex>
      <Field.Root name="overview">
        <Field.Label>{label('report.overview.text', 'Text of the report')}</Field.Label>
        <Textarea
          name="overview"
          value={form.overview}
          disabled={readOnly}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
            change({ overview: event.target.value })
          }
        />
      </Field.Root>

      {conflict && <OverviewConflict year={year} draft={conflict.draft} commands={commands} />}
      {last && !conflict && (
        <LastDraft year={year} draft={last} isEdited={report.report?.overviewEdited === true} />
      )}
    </Flex>
  );
};

/** The new draft beside the coordinator's edited text (the server's 409): replace or keep. */
const OverviewConflict = ({
  year,
  draft,
  commands,
}: {
  year: number;
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
      data-testid="report-overview-conflict"
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="omega" fontWeight="bold">
          {label(
            'report.overview.conflict',
            'The text was edited since it was last drafted from records. The new draft is below; your text is kept unless you replace it.'
          )}
        </Typography>
        <LinkedDraft year={year} draft={draft} testId="report-overview-new-draft" />
        <Flex gap={2}>
          <Button
            variant="danger-light"
            size="S"
            loading={commands.busy === 'draft'}
            onClick={() => commands.draftOverview(true)}
            data-testid="report-overview-replace"
          >
            {label('report.overview.replace', 'Replace my text with this draft')}
          </Button>
          <Button variant="tertiary" size="S" onClick={commands.keepOverview}>
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
  draft,
  isEdited,
}: {
  year: number;
  draft: GeneratedOverview;
  isEdited: boolean;
}) => {
  const label = useLabel();
  return (
    <Box padding={3} background="neutral100" hasRadius data-testid="report-overview-last-draft">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2}>
          <Typography variant="sigma" textColor="neutral600">
            {label('report.overview.lastDraft', 'Last draft from records')}
          </Typography>
          {isEdited && (
            <Badge size="S" data-testid="report-overview-edited">
              {label('report.overview.edited', 'edited since')}
            </Badge>
          )}
        </Flex>
        <LinkedDraft year={year} draft={draft} testId="report-overview-draft-text" />
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
