import workflow from './workflow';

export const controllers = { workflow };
