import { Box, Typography } from '@strapi/design-system';
import { useLabel } from '../../kernel/useLabel';

/**
 * 日历未收录: the deadline runs into a year whose holidays neither the calendar library nor an
 * override knows, so that year's Monday–Fridays were counted as working days. `compact` for the
 * list's due-date cell; in full on the request page.
 */
export const CalendarWarning = ({
  years,
  compact = false,
}: {
  years: number[] | undefined;
  compact?: boolean;
}) => {
  const label = useLabel();
  if (!years || years.length === 0) return null;
  const list = years.join(', ');
  const full = label(
    'requests.calendarWarning',
    'The holidays of {years} are not in the calendar yet: its Monday–Fridays are counted as working days, so this deadline may be wrong. Enter the State Council notice as calendar overrides.',
    { years: list }
  );
  return (
    <Box
      tag="span"
      display="inline-block"
      background="warning100"
      borderColor="warning200"
      hasRadius
      padding={compact ? 1 : 3}
      marginTop={compact ? 1 : 0}
      title={full}
      data-testid="calendar-warning"
      data-years={list}
    >
      <Typography variant={compact ? 'pi' : 'omega'} textColor="warning700" fontWeight="bold">
        {compact
          ? label('requests.calendarWarning.short', '{years} holidays not in calendar', {
              years: list,
            })
          : full}
      </Typography>
    </Box>
  );
};
