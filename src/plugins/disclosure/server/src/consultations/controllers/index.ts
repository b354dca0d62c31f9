import consultations from './consultations';

export const controllers = { consultations };
