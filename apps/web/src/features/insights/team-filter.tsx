import { Select } from '@mantine/core';
import type { Team } from '@wk/contracts';
import { teamOptions } from './team-model';
import { useInsightsParams } from './use-insights-params';

/**
 * An insights page cut to one team and the teams below it (`teamId` in the URL; cleared, the whole
 * organisation). Shown only when the caller may read teams and there are any.
 */
export function TeamFilter({
  teams,
  label,
  placeholder,
}: {
  teams: Team[] | undefined;
  label: string;
  placeholder: string;
}) {
  const { get, update } = useInsightsParams();
  if (!teams || teams.length === 0) return null;
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={teamOptions(teams)}
      value={get('teamId') || null}
      clearable
      searchable
      onChange={(next) => update({ teamId: next })}
    />
  );
}
