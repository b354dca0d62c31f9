/** The printable report (the server's HTML export) in a sandboxed frame, with a print button. */
import { useRef } from 'react';
import { Button, Modal, Typography } from '@strapi/design-system';
import { useLabel } from '../../kernel/useLabel';

export const PrintPreview = ({
  html,
  isDirty,
  onClose,
}: {
  html: string;
  /** Unsaved edits are not in the export: say so. */
  isDirty: boolean;
  onClose: () => void;
}) => {
  const label = useLabel();
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content style={{ width: 'min(110rem, 95vw)', maxWidth: 'none' }}>
        <Modal.Header closeLabel={label('statistics.close', 'Close')}>
          <Modal.Title>{label('report.preview.title', 'Print preview')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {isDirty && (
            <Typography variant="pi" textColor="warning600" tag="p">
              {label('report.preview.unsaved', 'Unsaved changes are not in the preview.')}
            </Typography>
          )}
          {/* No scripts run in the export; same origin so that the print button reaches it. */}
          <iframe
            ref={frame}
            data-testid="print-preview"
            title={label('report.preview.title', 'Print preview')}
            srcDoc={html}
            sandbox="allow-same-origin allow-modals"
            style={{ width: '100%', height: '70vh', border: 'none', background: 'white' }}
          />
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose}>
            {label('statistics.close', 'Close')}
          </Button>
          <Button onClick={() => frame.current?.contentWindow?.print()}>
            {label('report.preview.print', 'Print')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
