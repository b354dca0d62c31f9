import { Box, Flex, Typography } from '@strapi/design-system';
import { useLabel } from '../../kernel/useLabel';
import { DueDate } from './DueDate';
import { Facts, Section } from '../../kernel/components/Section';
import type { CalendarDay } from '../../../../shared/kernel/contracts';
import type { RequestDetail } from '../../../../shared/requests/contracts';

const dayList = (days: CalendarDay[]) =>
  days.length === 0
    ? null
    : days.map((day) => (day.holiday ? `${day.date}（${day.holiday}）` : day.date)).join('、');

/**
 * 答复期限说明: how the due date was counted — the working days allowed, counted and paused, the
 * holidays and 调休 working days in the period, and every step of the explanation in order.
 */
export const DeadlineSection = ({ request }: { request: RequestDetail }) => {
  const label = useLabel();
  const deadline = request.deadline;
  if (!deadline) return null;
  const extraDates: Array<[string, string]> = [];
  if (deadline.correctionDueDate) {
    extraDates.push([
      label('deadline.correctionDueDate', 'Correction due by'),
      deadline.correctionDueDate,
    ]);
  }
  if (deadline.thirdPartyDueDate) {
    extraDates.push([
      label('deadline.thirdPartyDueDate', 'Third party to reply by'),
      deadline.thirdPartyDueDate,
    ]);
  }
  if (deadline.consultationDueDate) {
    extraDates.push([
      label('deadline.consultationDueDate', 'Consultation ends (clock resumes after)'),
      deadline.consultationDueDate,
    ]);
  }
  if (deadline.feeDueDate) {
    extraDates.push([label('deadline.feeDueDate', 'Fee to be paid by'), deadline.feeDueDate]);
  }
  return (
    <Section title={label('deadline.title', 'How the reply deadline is counted')} testId="deadline">
      <Facts
        facts={[
          [
            label('deadline.dueDate', 'Reply due'),
            <DueDate
              key="due"
              dueDate={deadline.dueDate}
              urgency={request.urgency}
              testId="deadline-due-date"
            />,
          ],
          [
            label('deadline.status', 'Clock'),
            label(`deadline.status.${deadline.status}`, deadline.status),
          ],
          [
            label('deadline.workingDays', 'Working days'),
            <span key="days" data-testid="deadline-days">
              {/* While the clock runs the whole period lies ahead; stopped, part of it is used. */}
              {label(
                deadline.status === 'running'
                  ? 'deadline.workingDays.value'
                  : 'deadline.workingDays.stopped',
                '{allowed} working days, {paused} paused',
                {
                  counted: deadline.countedWorkingDays,
                  allowed: deadline.allowedWorkingDays,
                  paused: deadline.pausedWorkingDays,
                }
              )}
            </span>,
          ],
          [label('deadline.holidays', 'Holidays in the period'), dayList(deadline.holidays)],
          [
            label('deadline.adjustedWorkingDays', 'Weekend working days (调休)'),
            dayList(deadline.adjustedWorkingDays),
          ],
          ...extraDates,
        ]}
      />
      <Box>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {label('deadline.steps', 'Explanation')}
        </Typography>
        <Flex
          tag="ol"
          direction="column"
          alignItems="stretch"
          gap={2}
          paddingTop={2}
          data-testid="deadline-steps"
        >
          {deadline.steps.map((step, index) => (
            <Flex
              key={`${step.date}/${index}`}
              tag="li"
              gap={3}
              alignItems="baseline"
              data-testid="deadline-step"
            >
              <Box minWidth="96px">
                <Typography variant="omega" textColor="neutral600">
                  {step.date}
                </Typography>
              </Box>
              <Typography variant="omega">{step.text}</Typography>
            </Flex>
          ))}
        </Flex>
      </Box>
    </Section>
  );
};
