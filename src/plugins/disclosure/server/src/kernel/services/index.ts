import audit from './audit';
import calendar from './calendar';
import mailer from './mailer';
import personalData from './personal-data';
import roles from './roles';
import staff from './staff';
import staffIdentity from './staff-identity';

export const services = {
  audit,
  calendar,
  mailer,
  'personal-data': personalData,
  roles,
  staff,
  staffIdentity,
};
