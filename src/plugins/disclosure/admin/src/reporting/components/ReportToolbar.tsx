import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import { useLabel } from '../../kernel/useLabel';
import type { AnnualReportState } from './useAnnualReport';
import type { ReportCommands } from './useReportCommands';

/** The report's review state and unsaved changes; preview, exports, save and submit. */
export const ReportToolbar = ({
  report: { state, isDirty, readOnly, cannotSave },
  commands: { busy, openPreview, download, save, submit },
}: {
  report: AnnualReportState;
  commands: ReportCommands;
}) => {
  const label = useLabel();
  return (
    <Flex gap={3} wrap="wrap" justifyContent="space-between">
      <Flex gap={2}>
        <Typography variant="sigma">{label('report.state', 'Review state')}</Typography>
        <Badge data-testid="report-state" active={state === 'published'}>
          {state ? label(`state.${state}`, state) : label('report.state.unsaved', 'Not saved yet')}
        </Badge>
        {isDirty && (
          <Typography variant="pi" textColor="warning600" data-testid="report-dirty">
            {label('report.unsavedChanges', 'Unsaved changes')}
          </Typography>
        )}
      </Flex>
      <Flex gap={2} wrap="wrap">
        <Button variant="secondary" loading={busy === 'preview'} onClick={openPreview}>
          {label('report.preview', 'Print preview')}
        </Button>
        <Button variant="tertiary" loading={busy === 'json'} onClick={() => download('json')}>
          {label('report.download.json', 'Download JSON')}
        </Button>
        <Button variant="tertiary" loading={busy === 'csv'} onClick={() => download('csv')}>
          {label('report.download.csv', 'Download CSV')}
        </Button>
        <Button
          variant="secondary"
          loading={busy === 'save'}
          disabled={readOnly || cannotSave}
          onClick={save}
        >
          {label('report.save', 'Save')}
        </Button>
        <Button loading={busy === 'submit'} disabled={readOnly || cannotSave} onClick={submit}>
          {label('report.submit', 'Submit for review')}
        </Button>
      </Flex>
    </Flex>
  );
};
