import audit from './audit';
import calendar from './calendar';
import mailer from './mailer';
import roles from './roles';
import staff from './staff';
import staffIdentity from './staff-identity';

export const services = { audit, calendar, mailer, roles, staff, staffIdentity };
