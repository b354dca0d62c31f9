import prescreen from './prescreen';

export const controllers = { prescreen };
