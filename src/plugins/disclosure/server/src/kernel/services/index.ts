import audit from './audit';
import calendar from './calendar';
import roles from './roles';
import staff from './staff';

export const services = { audit, calendar, roles, staff };
