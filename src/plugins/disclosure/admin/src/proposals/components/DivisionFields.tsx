import { useEffect, useState } from 'react';
import { Checkbox, Field, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ProposalDivision } from '../../../../shared/proposals/contracts';
import { useLabel } from '../../kernel/useLabel';
import { ChoiceField } from './ui';

/** The divisions a case may be assigned to (GET /disclosure/proposal-divisions). */
export const useDivisions = () => {
  const { get } = useFetchClient();
  const [divisions, setDivisions] = useState<ProposalDivision[]>([]);
  useEffect(() => {
    let active = true;
    get<{ data: ProposalDivision[] }>('/disclosure/proposal-divisions').then(
      ({ data }) => active && setDivisions(data.data),
      () => undefined
    );
    return () => {
      active = false;
    };
  }, [get]);
  return divisions;
};

/** 主办 (one division) and 协办 (any others): a choice and a checkbox per division. */
export const DivisionFields = ({
  lead,
  coHandlers,
  onLead,
  onCoHandlers,
}: {
  lead: string;
  coHandlers: string[];
  onLead: (code: string) => void;
  onCoHandlers: (codes: string[]) => void;
}) => {
  const label = useLabel();
  const divisions = useDivisions();
  const others = divisions.filter((division) => division.code !== lead);
  return (
    <>
      <ChoiceField
        name="lead"
        label={label('proposals.field.lead', 'Lead division')}
        options={divisions.map((division) => [division.code, division.name])}
        value={lead}
        onChange={(code) => {
          onLead(code);
          onCoHandlers(coHandlers.filter((other) => other !== code));
        }}
      />
      <Field.Root name="coHandlers">
        <Field.Label>{label('proposals.field.coHandlers', 'Co-handler divisions')}</Field.Label>
        <Flex direction="column" alignItems="flex-start" gap={2} data-testid="co-handlers">
          {others.length === 0 && <Typography textColor="neutral600">—</Typography>}
          {others.map((division) => (
            <Checkbox
              key={division.code}
              checked={coHandlers.includes(division.code)}
              onCheckedChange={(checked: boolean | 'indeterminate') =>
                onCoHandlers(
                  checked === true
                    ? [...coHandlers, division.code]
                    : coHandlers.filter((code) => code !== division.code)
                )
              }
            >
              {division.name}
            </Checkbox>
          ))}
        </Flex>
      </Field.Root>
    </>
  );
};
