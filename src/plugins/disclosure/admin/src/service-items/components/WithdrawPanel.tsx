import { useState } from 'react';
import { Box, Button, Grid, Typography } from '@strapi/design-system';
import { WITHDRAWAL_KINDS } from '../../../../shared/service-items/catalogue';
import type { WithdrawInput } from '../../../../shared/service-items/contracts';
import { useLabel } from '../../kernel/useLabel';
import { ChoiceField, TextAreaField, TextField } from './fields';
import { WITHDRAWAL_OPTIONS } from './labels';

/** Withdraws a published item: how (取消 / 下放 / 上级收回), when, by which authority, why. */
export const WithdrawPanel = ({
  busy,
  errorOf,
  onWithdraw,
}: {
  busy: boolean;
  errorOf: (key: string) => string | null;
  onWithdraw: (body: WithdrawInput) => void;
}) => {
  const label = useLabel();
  const [withdrawal, setWithdrawal] = useState({
    kind: 'taken_back',
    date: '',
    authority: '',
    reason: '',
  });
  return (
    <Box
      background="neutral0"
      padding={6}
      shadow="filterShadow"
      hasRadius
      data-testid="item-withdraw"
    >
      <Typography variant="delta" tag="h2">
        {label('serviceItems.withdraw', 'Withdraw (取消 / 下放 / 上级收回)')}
      </Typography>
      <Grid.Root gap={4} paddingTop={4}>
        <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
          <ChoiceField
            name="kind"
            required
            label={label('serviceItems.withdraw.kind', 'How')}
            options={WITHDRAWAL_OPTIONS}
            value={withdrawal.kind}
            onChange={(kind) => setWithdrawal({ ...withdrawal, kind })}
          />
        </Grid.Item>
        <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
          <TextField
            name="withdrawDate"
            type="date"
            required
            label={label('serviceItems.withdraw.date', 'Date')}
            value={withdrawal.date}
            error={errorOf('date')}
            onChange={(date) => setWithdrawal({ ...withdrawal, date })}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="authority"
            required
            label={label('serviceItems.withdraw.authority', 'Deciding authority')}
            value={withdrawal.authority}
            error={errorOf('authority')}
            onChange={(authority) => setWithdrawal({ ...withdrawal, authority })}
          />
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <TextAreaField
            name="reason"
            label={label('serviceItems.withdraw.reason', 'Reason')}
            value={withdrawal.reason}
            onChange={(reason) => setWithdrawal({ ...withdrawal, reason })}
          />
        </Grid.Item>
      </Grid.Root>
      <Box paddingTop={4}>
        <Button
          variant="danger"
          loading={busy}
          onClick={() =>
            onWithdraw({
              kind: withdrawal.kind as WithdrawInput['kind'],
              date: withdrawal.date,
              authority: withdrawal.authority,
              ...(withdrawal.reason ? { reason: withdrawal.reason } : {}),
            })
          }
        >
          {label('serviceItems.withdraw.submit', 'Withdraw {kind}', {
            kind: WITHDRAWAL_KINDS[withdrawal.kind as keyof typeof WITHDRAWAL_KINDS] ?? '',
          })}
        </Button>
      </Box>
    </Box>
  );
};
