import proposals from './proposals';

export const controllers = { proposals };
