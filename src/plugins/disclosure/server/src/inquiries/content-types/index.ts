import inquiry from './inquiry/schema.json';

export const contentTypes = {
  inquiry: { schema: inquiry },
};
