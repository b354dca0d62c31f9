import intakeRateLimit from './intake-rate-limit';

export const middlewares = { 'intake-rate-limit': intakeRateLimit };
