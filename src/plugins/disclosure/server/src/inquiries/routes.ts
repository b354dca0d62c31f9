import type { RouteDefinition } from '../kernel/module';

/** Admin routes (mounted under /disclosure). */
export const adminRoutes: RouteDefinition[] = [];

/** Content-API routes (the website's). */
export const contentApiRoutes: RouteDefinition[] = [];
