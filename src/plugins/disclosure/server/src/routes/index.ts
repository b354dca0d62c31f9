import admin from './admin';

export const routes = { admin };
