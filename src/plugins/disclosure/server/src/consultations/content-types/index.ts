import consultationComment from './consultation-comment/schema.json';
import consultation from './consultation/schema.json';

export const contentTypes = {
  consultation: { schema: consultation },
  'consultation-comment': { schema: consultationComment },
};
