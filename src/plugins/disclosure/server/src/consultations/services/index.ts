import consultationPublic from './consultation-public';
import consultationSteps from './consultation-steps';
import consultationViews from './consultation-views';
import consultations from './consultations';

export const services = {
  'consultation-public': consultationPublic,
  'consultation-steps': consultationSteps,
  'consultation-views': consultationViews,
  consultations,
};
