import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  FINDING_KIND_LABELS,
  describeLocation,
  type PrescreenResponse,
} from '../../../../shared/prescreen/contracts';
import { errorMessage } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';

type Prescreen = PrescreenResponse['data'];

interface Props {
  model: string;
  documentId: string;
  locale: string;
  /** Changes when the item or its review changed: the findings are read again. */
  version: unknown;
  /** After a confirmation: the review record is read again (clear may now be offered). */
  onConfirmed: () => void;
}

/**
 * The confidentiality pre-screen's findings of the version under review (decision 0030): kind,
 * place and masked excerpt of each, and 确认无碍 for the 保密审查员.
 */
export const PrescreenFindings = ({ model, documentId, locale, version, onConfirmed }: Props) => {
  const label = useLabel();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [prescreen, setPrescreen] = useState<Prescreen | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(async () => {
    const { data } = await get<PrescreenResponse>(
      `/disclosure/prescreen/${model}/${documentId}?locale=${encodeURIComponent(locale)}`
    );
    setPrescreen(data.data);
  }, [get, model, documentId, locale]);

  useEffect(() => {
    load().catch(() => setPrescreen(null));
  }, [load, version]);

  const confirm = async (id: number) => {
    setBusy(id);
    try {
      await post(`/disclosure/prescreen/findings/${id}/confirm`, {});
      await load();
      onConfirmed();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  if (!prescreen) return null;
  return (
    <Box paddingTop={2} data-testid="prescreen-findings">
      <Flex gap={2} wrap="wrap">
        <Typography variant="sigma">{label('prescreen.title', 'Pre-screen')}</Typography>
        {prescreen.open > 0 && (
          <Badge active data-testid="prescreen-open">
            {label('prescreen.open', '{count} to confirm', { count: prescreen.open })}
          </Badge>
        )}
      </Flex>
      {prescreen.contentHash === null ? (
        <Typography variant="pi" tag="p" textColor="neutral600">
          {label('prescreen.notScanned', 'Not screened yet')}
        </Typography>
      ) : prescreen.findings.length === 0 ? (
        <Typography variant="pi" tag="p" textColor="neutral600">
          {label('prescreen.none', 'Nothing to confirm')}
        </Typography>
      ) : (
        <Flex tag="ol" direction="column" alignItems="stretch" gap={2} paddingTop={1}>
          {prescreen.findings.map((finding) => (
            <li key={finding.id} data-testid={`prescreen-finding-${finding.id}`}>
              <Typography variant="pi" fontWeight="bold" tag="p">
                {FINDING_KIND_LABELS[finding.kind]} · {describeLocation(finding.location)}
              </Typography>
              <Typography variant="pi" tag="p" textColor="neutral700">
                {finding.excerpt}
              </Typography>
              {finding.status === 'confirmed' ? (
                <Typography variant="pi" tag="p" textColor="success600">
                  {label('prescreen.confirmed', 'Confirmed harmless')}（
                  {label('prescreen.confirmedBy', 'by {name}', { name: finding.confirmedBy ?? '' })}
                  ）
                </Typography>
              ) : (
                prescreen.canConfirm && (
                  <Button
                    size="S"
                    variant="secondary"
                    loading={busy === finding.id}
                    data-testid={`prescreen-confirm-${finding.id}`}
                    onClick={() => confirm(finding.id)}
                  >
                    {label('prescreen.confirm', 'Confirm harmless')}
                  </Button>
                )
              )}
            </li>
          ))}
        </Flex>
      )}
    </Box>
  );
};
