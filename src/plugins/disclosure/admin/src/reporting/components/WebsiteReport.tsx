/**
 * 政府网站工作年度报表: the form of 国办函〔2018〕12号 as the coordinator fills it in, section by
 * section. Fields computed from records are read-only and open their records; the others are
 * typed here (marked 填报). Save, submit for review, print preview and the JSON / CSV exports.
 */
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { styled } from 'styled-components';
import {
  WEBSITE_REPORT_SECTIONS,
  printedValue,
  websiteReportField,
  type WebsiteReportField,
  type WebsiteReportSection,
} from '../../../../shared/reporting/website-report/format';
import { useLabel } from '../../kernel/useLabel';
import { useDrillDown } from './DrillDown';
import { PrintPreview } from './PrintPreview';
import { REPORT_LOCALE } from './ReportTableView';
import { type WebsiteReportState, useWebsiteReport } from './useWebsiteReport';

export const WebsiteReport = ({ year }: { year: number }) => {
  const label = useLabel();
  const report = useWebsiteReport(year);
  if (report.loadError) {
    return (
      <EmptyStateLayout
        content={
          report.loadError.status === 404
            ? label('website.unavailable', 'The website report is not available yet.')
            : report.loadError.message
        }
      />
    );
  }
  if (!report.report) return <Loader>{label('statistics.loading', 'Loading')}</Loader>;
  const fieldName = (key: string) => {
    const field = websiteReportField(key);
    return field ? fieldLabel(label, field) : key;
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="website-report">
      <Toolbar report={report} />
      {report.readOnly && (
        <Typography variant="pi" textColor="neutral600">
          {label('report.locked', 'The report waits for review and cannot be changed.')}
        </Typography>
      )}
      {report.refusal && report.refusal.length > 0 && (
        <Box data-testid="website-report-refusal">
          <Typography variant="delta" textColor="danger600">
            {label('website.refused', 'The submission was refused: these fields are empty')}
          </Typography>
          <Typography tag="p">{report.refusal.map(fieldName).join('、')}</Typography>
        </Box>
      )}
      <Flex gap={3} wrap="wrap">
        <Badge size="S" active>
          {label('report.cell.auto', 'Auto')}
        </Badge>
        <Typography variant="pi" textColor="neutral600">
          {label('report.legend.computed', 'computed from the records; click for them')}
        </Typography>
        <Badge size="S">{label('report.cell.entered', 'Entered')}</Badge>
        <Typography variant="pi" textColor="neutral600">
          {label('website.legend.entered', 'entered by you')}
        </Typography>
        <Typography
          variant="pi"
          textColor={report.missing.length > 0 ? 'warning600' : 'success600'}
          data-testid="website-report-missing"
        >
          {report.missing.length > 0
            ? label('website.missing', '{count} required fields are still empty', {
                count: report.missing.length,
              })
            : label('website.complete', 'Every required field is filled')}
        </Typography>
      </Flex>
      {WEBSITE_REPORT_SECTIONS.map((section) => (
        <SectionTable key={section.key} year={year} section={section} report={report} />
      ))}
      {report.preview !== null && (
        <PrintPreview
          html={report.preview}
          isDirty={report.isDirty}
          onClose={report.closePreview}
        />
      )}
    </Flex>
  );
};

type Label = ReturnType<typeof useLabel>;

const fieldLabel = (label: Label, field: WebsiteReportField) => {
  const name = label(`website.field.${field.key}`, field.label);
  const group = field.group ? `${label(`website.group.${field.group}`, field.group)} · ` : '';
  const unit = field.unit ? label('website.unit', '（单位：{unit}）', { unit: field.unit }) : '';
  return `${group}${field.ofWhich ? label('website.ofWhich', '其中：') : ''}${name}${unit}`;
};

const Toolbar = ({ report }: { report: WebsiteReportState }) => {
  const label = useLabel();
  const { state, isDirty, readOnly, busy, unreadable } = report;
  return (
    <Flex gap={3} wrap="wrap" justifyContent="space-between">
      <Flex gap={2}>
        <Typography variant="sigma">{label('report.state', 'Review state')}</Typography>
        <Badge data-testid="website-report-state" active={state === 'published'}>
          {state ? label(`state.${state}`, state) : label('report.state.unsaved', 'Not saved yet')}
        </Badge>
        {isDirty && (
          <Typography variant="pi" textColor="warning600">
            {label('report.unsavedChanges', 'Unsaved changes')}
          </Typography>
        )}
      </Flex>
      <Flex gap={2} wrap="wrap">
        <Button variant="secondary" loading={busy === 'preview'} onClick={report.openPreview}>
          {label('report.preview', 'Print preview')}
        </Button>
        <Button
          variant="tertiary"
          loading={busy === 'json'}
          onClick={() => report.download('json')}
        >
          {label('report.download.json', 'Download JSON')}
        </Button>
        <Button variant="tertiary" loading={busy === 'csv'} onClick={() => report.download('csv')}>
          {label('report.download.csv', 'Download CSV')}
        </Button>
        <Button
          variant="secondary"
          loading={busy === 'save'}
          disabled={readOnly || unreadable.length > 0}
          onClick={report.save}
        >
          {label('report.save', 'Save')}
        </Button>
        <Button
          loading={busy === 'submit'}
          disabled={readOnly || unreadable.length > 0}
          onClick={report.submit}
        >
          {label('report.submit', 'Submit for review')}
        </Button>
      </Flex>
    </Flex>
  );
};

const SectionTable = ({
  year,
  section,
  report,
}: {
  year: number;
  section: WebsiteReportSection;
  report: WebsiteReportState;
}) => {
  const label = useLabel();
  const heading = label(`website.section.${section.key}`, section.label);
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="delta" tag="h3">
        {section.unit
          ? `${heading}${label('website.unit', '（单位：{unit}）', { unit: section.unit })}`
          : heading}
      </Typography>
      <Sheet data-section={section.key}>
        <tbody>
          {section.fields.map((field) => (
            <tr key={field.key}>
              <th scope="row" className={field.ofWhich ? 'of-which' : undefined}>
                {fieldLabel(label, field)}
              </th>
              <td>
                <FieldValue year={year} field={field} report={report} />
              </td>
            </tr>
          ))}
        </tbody>
      </Sheet>
    </Flex>
  );
};

const FieldValue = ({
  year,
  field,
  report,
}: {
  year: number;
  field: WebsiteReportField;
  report: WebsiteReportState;
}) => {
  const label = useLabel();
  const open = useDrillDown();
  const cell = report.report?.cells[field.key];
  if (cell?.source === 'computed') {
    const shown = printedValue(field, cell.value) || '—';
    return (
      <Flex gap={2}>
        {cell.records ? (
          <ValueButton
            type="button"
            title={label('report.cell.computed', 'Computed from the records ({figure})', {
              figure: cell.figure ?? '',
            })}
            onClick={() =>
              open({
                key: cell.records!,
                label: fieldLabel(label, field),
                year,
                locale: REPORT_LOCALE,
              })
            }
          >
            {shown}
          </ValueButton>
        ) : (
          <Typography>{shown}</Typography>
        )}
        <Badge size="S" active>
          {label('report.cell.auto', 'Auto')}
        </Badge>
      </Flex>
    );
  }
  const text = report.form[field.key] ?? '';
  const invalid = !report.isReadable(field.key);
  const common = {
    name: field.key,
    'aria-label': fieldLabel(label, field),
    disabled: report.readOnly,
  };
  const input = (() => {
    switch (field.type) {
      case 'yesNo':
      case 'choice': {
        const options =
          field.type === 'yesNo'
            ? [
                { value: 'true', text: label('website.yes', '是') },
                { value: 'false', text: label('website.no', '否') },
              ]
            : (field.options ?? []).map((option) => ({ value: option, text: option }));
        return (
          <SingleSelect
            {...common}
            value={text}
            placeholder={label('website.choose', 'Choose')}
            onChange={(value: string | number) => report.enter(field.key, String(value))}
            onClear={() => report.enter(field.key, '')}
          >
            {options.map((option) => (
              <SingleSelectOption key={option.value} value={option.value}>
                {option.text}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        );
      }
      case 'text':
        if ((field.maxLength ?? 255) > 255) {
          return (
            <Textarea
              {...common}
              value={text}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                report.enter(field.key, event.target.value)
              }
            />
          );
        }
        return (
          <TextInput
            {...common}
            value={text}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
              report.enter(field.key, event.target.value)
            }
          />
        );
      default:
        return (
          <TextInput
            {...common}
            type={field.type === 'date' ? 'date' : 'text'}
            inputMode={
              field.type === 'count' ? 'numeric' : field.type === 'decimal' ? 'decimal' : undefined
            }
            value={text}
            hasError={invalid}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
              report.enter(field.key, event.target.value)
            }
          />
        );
    }
  })();
  return (
    <Flex gap={2} alignItems="center">
      <Box flex="1">{input}</Box>
      <Badge size="S">{label('report.cell.entered', 'Entered')}</Badge>
      {invalid && (
        <Typography variant="pi" textColor="danger600">
          {label(`website.invalid.${field.type}`, 'Not a valid value')}
        </Typography>
      )}
    </Flex>
  );
};

const ValueButton = styled.button`
  border: none;
  background: none;
  padding: 0;
  cursor: pointer;
  font: inherit;
  font-weight: 600;
  font-variant-numeric: tabular-nums;
  color: ${({ theme }) => theme.colors.primary600};

  &:hover,
  &:focus-visible {
    text-decoration: underline;
  }
`;

const Sheet = styled.table`
  width: 100%;
  max-width: 90rem;
  border-collapse: collapse;
  font-size: 1.3rem;
  color: ${({ theme }) => theme.colors.neutral800};

  th,
  td {
    border: 1px solid ${({ theme }) => theme.colors.neutral300};
    padding: 6px 8px;
    vertical-align: middle;
  }

  th {
    width: 45%;
    text-align: left;
    font-weight: 400;
    background: ${({ theme }) => theme.colors.neutral100};
  }

  th.of-which {
    padding-left: 24px;
  }
`;
