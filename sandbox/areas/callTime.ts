import type { AreaRoutes } from '../api';

export const callTimeRoutes: AreaRoutes = {};
