import type { AreaRoutes } from '../api';

export const customerRoutes: AreaRoutes = {};
