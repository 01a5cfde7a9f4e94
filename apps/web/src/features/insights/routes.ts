/** The dashboard pages, loaded together on first visit (app.tsx). */
export { GapPage } from './gap-page';
export { HeartMonitorPage } from './heart-monitor-page';
export { OverviewPage } from './overview-page';
export { ReportPage } from './report-page';
export { MyTeamRedirect, TeamPage } from './team-page';
export { ValuePage } from './value-page';
