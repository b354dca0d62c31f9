import disclosureRequest from './disclosure-request/schema.json';
import replyTemplate from './reply-template/schema.json';
import requestAttachment from './request-attachment/schema.json';

export const contentTypes = {
  'disclosure-request': { schema: disclosureRequest },
  'reply-template': { schema: replyTemplate },
  'request-attachment': { schema: requestAttachment },
};
