import proposal from './proposal/schema.json';

export const contentTypes = {
  proposal: { schema: proposal },
};
