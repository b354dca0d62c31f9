import monitor from './monitor';

export const controllers = { monitor };
