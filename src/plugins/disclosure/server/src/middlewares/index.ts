import intakeGuard from './intake-guard';

export const middlewares = { 'intake-guard': intakeGuard };
