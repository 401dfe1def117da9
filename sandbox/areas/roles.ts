import type { AreaRoutes } from '../api';

export const roleRoutes: AreaRoutes = {};
