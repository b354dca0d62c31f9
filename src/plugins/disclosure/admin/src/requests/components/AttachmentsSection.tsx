import { useState } from 'react';
import { Flex, TextButton, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage, fileNameOf, saveFile } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';
import { Section } from '../../kernel/components/Section';
import type { Attachment } from '../../../../shared/requests/contracts';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** 附件: the application's files and the reply's, each downloaded through the admin API. */
export const AttachmentsSection = ({
  trackingNumber,
  attachments,
}: {
  trackingNumber: string;
  attachments: Attachment[];
}) => {
  const label = useLabel();
  const { get } = useFetchClient();
  const [error, setError] = useState<string | null>(null);

  const download = async (attachment: Attachment) => {
    setError(null);
    try {
      const { data, headers } = await get(
        `/disclosure/requests/${encodeURIComponent(trackingNumber)}/attachments/${attachment.id}`,
        { responseType: 'blob' }
      );
      saveFile(data, fileNameOf(headers?.get('content-disposition')) ?? attachment.fileName);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Section title={label('attachments.title', 'Attachments')} testId="attachments">
      {attachments.length === 0 ? (
        <Typography textColor="neutral600">
          {label('attachments.empty', 'No attachments')}
        </Typography>
      ) : (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
          {attachments.map((attachment) => (
            <Flex key={attachment.id} tag="li" gap={3}>
              <TextButton
                startIcon={<Download />}
                onClick={() => download(attachment)}
                data-testid="attachment"
              >
                {attachment.fileName}
              </TextButton>
              <Typography variant="pi" textColor="neutral600">
                {label(`attachments.kind.${attachment.kind}`, attachment.kind)} ·{' '}
                {size(attachment.size)}
              </Typography>
            </Flex>
          ))}
        </Flex>
      )}
      {error && <Typography textColor="danger600">{error}</Typography>}
    </Section>
  );
};
