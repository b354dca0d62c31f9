import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useLabel } from '../../kernel/useLabel';
import { editViewPath } from '../../kernel/paths';
import type {
  ProactiveDraft,
  RequestAction,
  RequestDetail,
} from '../../../../shared/requests/contracts';
import { CONFIRMED } from './action-request';
import { ActionFields } from './ActionFields';
import { useActionForm } from './useActionForm';

/**
 * One handling step in a small form: the fields it needs (dates default to today in Beijing), the
 * server's 400 sentence shown in place. On success the page shows the request as the server
 * returns it; 转为主动公开 links to the new draft in the Content Manager.
 */
export const ActionModal = ({
  action,
  request,
  onClose,
  onDone,
  onChanged,
}: {
  action: RequestAction;
  request: RequestDetail;
  onClose: () => void;
  /** The request as the server returned it after the action. */
  onDone: (detail: RequestDetail) => void;
  /** The request changed but the answer is not it (转为主动公开): load it again. */
  onChanged: () => void;
}) => {
  const label = useLabel();
  const form = useActionForm(action, request, onDone, onChanged);
  const { draft, error } = form;
  const confirmation = CONFIRMED.includes(action)
    ? label(`requestAction.${action}.confirm`, '')
    : null;

  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content data-testid="action-modal" data-action={action}>
        <Modal.Header closeLabel={label('requests.modal.close', 'Close')}>
          <Modal.Title>{label(`requestAction.${action}`, action)}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {/* Once the draft item exists, only its link is left to show. */}
            {!draft && confirmation && <Typography>{confirmation}</Typography>}
            {!draft && <ActionFields action={action} request={request} form={form} />}
            {error && (
              <Typography textColor="danger600" data-testid="action-error" role="alert">
                {error}
              </Typography>
            )}
            {draft && <DraftLink draft={draft} />}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">
              {draft
                ? label('requests.modal.close', 'Close')
                : label('requests.modal.cancel', 'Cancel')}
            </Button>
          </Modal.Close>
          {!draft && (
            <Button
              onClick={form.submit}
              loading={form.busy}
              disabled={action === 'draft_reply' && !form.values.outcome}
              variant={action === 'return_reply' || action === 'withdraw' ? 'danger' : 'default'}
              data-testid="action-submit"
            >
              {label('requests.modal.confirm', 'Confirm')}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** 转为主动公开 done: the link to the new draft item in the Content Manager. */
const DraftLink = ({ draft }: { draft: ProactiveDraft }) => {
  const label = useLabel();
  return (
    <Flex direction="column" alignItems="flex-start" gap={2} data-testid="proactive-draft">
      <Typography textColor="success600">
        {label('proactive.done', 'A draft item was created from the released information.')}
      </Typography>
      <Link to={editViewPath(draft)} data-testid="proactive-draft-link">
        <Typography textColor="primary600" fontWeight="semiBold">
          {label('proactive.open', 'Open the draft in the Content Manager')}
        </Typography>
      </Link>
    </Flex>
  );
};
