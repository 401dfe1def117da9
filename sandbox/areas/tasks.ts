import type { AreaRoutes } from '../api';

export const taskRoutes: AreaRoutes = {};
