import { useState, type ReactNode } from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { errorMessage } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';

/** The choice of no division (a select's option cannot have an empty value). */
export const NONE = '-';

/** A small form in a modal: `submit` posts it; the server's 400 sentence is shown in place. */
export const FormModal = ({
  title,
  testId,
  danger = false,
  onClose,
  submit,
  children,
}: {
  title: string;
  testId: string;
  danger?: boolean;
  onClose: () => void;
  submit: () => Promise<void>;
  children: ReactNode;
}) => {
  const label = useLabel();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await submit();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content data-testid={testId}>
        <Modal.Header closeLabel={label('inquiries.close', 'Close')}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {children}
            {error && (
              <Typography textColor="danger600" role="alert" data-testid="form-error">
                {error}
              </Typography>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{label('inquiries.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button
            onClick={run}
            loading={busy}
            variant={danger ? 'danger' : 'default'}
            data-testid="form-submit"
          >
            {label('inquiries.confirm', 'Confirm')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
