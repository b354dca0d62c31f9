/** The failing 勾稽 rules and unreadable entries of the annual report, each with a link to its cell. */
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { RuleFailure } from '../../../../shared/reporting/contracts';
import { useLabel } from '../../kernel/useLabel';

export const FailureList = ({
  failures,
  unreadable,
  names,
  testId,
}: {
  failures: RuleFailure[];
  unreadable: string[];
  names: Map<string, string>;
  testId: string;
}) => {
  const label = useLabel();
  const focus = (key: string) => {
    const target = document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(key)}"]`);
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  };
  if (failures.length === 0 && unreadable.length === 0) {
    return (
      <Typography variant="pi" textColor="success600" data-testid="report-checks-ok">
        {label('report.checks.ok', 'All cross-checks (勾稽) pass')}
      </Typography>
    );
  }
  return (
    <Box background="danger100" borderColor="danger200" hasRadius padding={4} data-testid={testId}>
      <Typography variant="omega" fontWeight="bold" textColor="danger700">
        {label('report.checks.failing', '{count} cross-checks (勾稽) fail', {
          count: failures.length + unreadable.length,
        })}
      </Typography>
      <Flex tag="ul" direction="column" alignItems="stretch" gap={1} paddingTop={2}>
        {unreadable.map((key) => (
          <li key={key} data-failing-cell={key}>
            <FailureLine
              name={names.get(key) ?? key}
              text={label('report.checks.notNumber', 'not a number')}
              onFocus={() => focus(key)}
            />
          </li>
        ))}
        {failures.map((failure) => (
          <li key={`${failure.cell}/${failure.rule}`} data-failing-cell={failure.cell}>
            <FailureLine
              name={names.get(failure.cell) ?? failure.cell}
              text={label('report.checks.failure', '{rule}: should be {expected}, is {actual}', {
                rule: failure.rule,
                expected: failure.expected,
                actual: failure.actual,
              })}
              onFocus={() => focus(failure.cell)}
            />
          </li>
        ))}
      </Flex>
    </Box>
  );
};

const FailureLine = ({
  name,
  text,
  onFocus,
}: {
  name: string;
  text: string;
  onFocus: () => void;
}) => {
  const label = useLabel();
  return (
    <Flex gap={2} wrap="wrap">
      <Typography fontWeight="bold" textColor="danger700">
        {name}
      </Typography>
      <Typography textColor="danger700">{text}</Typography>
      <Button variant="ghost" size="S" onClick={onFocus}>
        {label('report.checks.goTo', 'Go to cell')}
      </Button>
    </Flex>
  );
};
