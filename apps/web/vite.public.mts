import { webConfig } from './vite.config.mts';

// The public pages' light build (see webConfig); `nx run web:build` runs it after the dashboard's.
export default webConfig('public');
