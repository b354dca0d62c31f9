import workflow from './workflow';

export const services = { workflow };
