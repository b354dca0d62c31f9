import inquiries from './inquiries';

export const controllers = { inquiries };
