import audit from './audit';
import staff from './staff';

export const controllers = { audit, staff };
