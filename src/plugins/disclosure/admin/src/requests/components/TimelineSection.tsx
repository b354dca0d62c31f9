import { useLabel } from '../../kernel/useLabel';
import { CaseTimeline } from '../../kernel/components/CaseTimeline';
import type { TimelineEntry } from '../../../../shared/requests/contracts';

/** 办理记录: what happened to the request, oldest first, with who did it. */
export const TimelineSection = ({ entries }: { entries: TimelineEntry[] }) => {
  const label = useLabel();
  return (
    <CaseTimeline
      title={label('timeline.title', 'Handling record')}
      empty={label('timeline.empty', 'Nothing recorded yet')}
      testId="timeline"
      entries={entries}
    />
  );
};
