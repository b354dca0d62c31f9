/**
 * 年度报告: the year's annual report as the coordinator prepares it. Text sections, the national
 * tables (computed cells from the records, entered cells typed here), the 勾稽 rules checked on
 * every keystroke, save, submission for review, print preview and the JSON / CSV exports.
 */
import {
  Badge,
  Box,
  EmptyStateLayout,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import type { FormatVersion } from '../../../../shared/reporting/contracts';
import { FORMAT_VERSIONS } from '../../../../shared/reporting/annual-report/format';
import { FORMATS } from '../../../../shared/reporting/annual-report/formats';
import type { ReportForm, ReportTextField } from './annual-report-form';
import { FailureList } from './FailureList';
import { DraftedTextSection } from './DraftedTextSection';
import { PrintPreview } from './PrintPreview';
import { ReportTableView } from './ReportTableView';
import { ReportToolbar } from './ReportToolbar';
import { type AnnualReportState, useAnnualReport } from './useAnnualReport';
import { useReportCommands } from './useReportCommands';
import { useLabel } from '../../kernel/useLabel';

const SECTIONS = ['二', '三', '四'] as const;
const SECTION_NUMBERS: Record<(typeof SECTIONS)[number], number> = { 二: 2, 三: 3, 四: 4 };

type Loaded = AnnualReportState & { form: ReportForm };

export const AnnualReport = ({ year }: { year: number }) => {
  const label = useLabel();
  const annual = useAnnualReport(year);
  const commands = useReportCommands(year, annual);
  const { loadError, form } = annual;

  if (loadError) {
    return (
      <EmptyStateLayout
        content={
          loadError.status === 404
            ? label('report.unavailable', 'The annual report is not available yet.')
            : loadError.message
        }
      />
    );
  }
  if (!annual.report || !form) return <Loader>{label('statistics.loading', 'Loading')}</Loader>;
  const loaded: Loaded = { ...annual, form };

  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="annual-report">
      <ReportToolbar report={annual} commands={commands} />

      {annual.readOnly && (
        <Typography variant="pi" textColor="neutral600">
          {label('report.locked', 'The report waits for review and cannot be changed.')}
        </Typography>
      )}

      {commands.refusal && commands.refusal.length > 0 && (
        <Box data-testid="report-refusal">
          <Typography variant="delta" textColor="danger600">
            {label('report.refused', 'The submission was refused: these rules fail')}
          </Typography>
          <FailureList
            failures={commands.refusal}
            unreadable={[]}
            names={annual.names}
            testId="report-refusal-failures"
          />
        </Box>
      )}

      <TitleAndFormat report={loaded} />
      <DraftedTextSection
        year={year}
        section="overview"
        heading={label('report.overview', 'I. Overview')}
        report={loaded}
        commands={commands}
      />
      {annual.tables.length > 0 && <ReportChecks report={annual} />}
      <ReportSections year={year} report={annual} />
      <DraftedTextSection
        year={year}
        section="problems"
        heading={label('report.problems', 'V. Main problems and improvements')}
        report={loaded}
        commands={commands}
      />
      <ReportText
        report={loaded}
        field="otherMatters"
        heading={label('report.otherMatters', 'VI. Other matters to report')}
      />

      {commands.preview !== null && (
        <PrintPreview
          html={commands.preview}
          isDirty={annual.isDirty}
          onClose={commands.closePreview}
        />
      )}
    </Flex>
  );
};

const TitleAndFormat = ({
  report: { form, readOnly, version, isOtherFormat, change },
}: {
  report: Loaded;
}) => {
  const label = useLabel();
  return (
    <Flex gap={4} alignItems="flex-start" wrap="wrap">
      <Box flex="2" minWidth="320px">
        <Field.Root name="title">
          <Field.Label>{label('report.title', 'Title')}</Field.Label>
          <TextInput
            name="title"
            value={form.title}
            disabled={readOnly}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
              change({ title: event.target.value })
            }
          />
        </Field.Root>
      </Box>
      <Box flex="1" minWidth="280px">
        <Field.Root
          name="formatVersion"
          hint={
            isOtherFormat
              ? label('report.format.changed', 'Computed cells are filled in when you save')
              : undefined
          }
        >
          <Field.Label>{label('report.format', 'Table format')}</Field.Label>
          <SingleSelect
            value={version}
            disabled={readOnly}
            onChange={(value: string | number) =>
              change({ formatVersion: String(value) as FormatVersion })
            }
            data-testid="report-format"
          >
            {FORMAT_VERSIONS.map((code) => (
              <SingleSelectOption key={code} value={code}>
                {label(`report.format.${code}`, FORMATS[code].label)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Hint />
        </Field.Root>
      </Box>
    </Flex>
  );
};

/** One of the report's text sections (一、五、六). */
const ReportText = ({
  report: { form, readOnly, change },
  field,
  heading,
}: {
  report: Loaded;
  field: ReportTextField;
  heading: string;
}) => (
  <Field.Root name={field}>
    <Field.Label>{heading}</Field.Label>
    <Textarea
      name={field}
      value={form[field]}
      disabled={readOnly}
      onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
        change({ [field]: event.target.value })
      }
    />
  </Field.Root>
);

/** The legend of the tables and the 勾稽 rules failing as the coordinator types. */
const ReportChecks = ({ report }: { report: AnnualReportState }) => {
  const label = useLabel();
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={3}>
        <Badge size="S" active>
          {label('report.cell.auto', 'Auto')}
        </Badge>
        <Typography variant="pi" textColor="neutral600">
          {label('report.legend.computed', 'computed from the records; click for them')}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {label('report.legend.entered', 'Empty boxes (填报) are entered by you')}
        </Typography>
      </Flex>
      <FailureList
        failures={report.failures}
        unreadable={report.unreadable}
        names={report.names}
        testId="report-failures"
      />
    </Flex>
  );
};

/** The national tables, by section (二、三、四). */
const ReportSections = ({ year, report }: { year: number; report: AnnualReportState }) => {
  const label = useLabel();
  return (
    <>
      {SECTIONS.map((section) => {
        const inSection = report.tables.filter((table) => table.section === section);
        if (inSection.length === 0) return null;
        return (
          <Flex key={section} direction="column" alignItems="stretch" gap={3}>
            <Typography variant="delta" tag="h3">
              {label(`report.section.${SECTION_NUMBERS[section]}`, section)}
            </Typography>
            {inSection.map((table) => (
              <Box key={table.key} overflow="auto">
                <ReportTableView
                  table={table}
                  year={year}
                  cells={report.cells}
                  entries={report.entries}
                  names={report.names}
                  failing={report.failing}
                  readOnly={report.readOnly}
                  onEnter={report.enter}
                />
              </Box>
            ))}
          </Flex>
        );
      })}
    </>
  );
};
