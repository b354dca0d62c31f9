import hasPermission from './has-permission';

export const policies = { 'has-permission': hasPermission };
