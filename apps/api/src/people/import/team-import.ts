import { EntityManager } from 'typeorm';
import type { ImportRowResult } from '@wk/contracts';
import type { TeamsRepository } from '../teams.repository';
import { CsvTable, requireColumns } from '../../common/csv-reader';
import { atLine } from './import-errors';

export const TEAM_COLUMNS: Record<string, string> = {
  name: 'name',
  naam: 'name',
  team: 'name',
  teamnaam: 'name',
  parent: 'parent',
  parent_team: 'parent',
  bovenliggend_team: 'parent',
  afdeling: 'parent',
  department: 'parent',
};

export interface PlannedTeam {
  result: ImportRowResult;
  existingId?: string;
  name: string;
  parentName: string | null;
}

/**
 * Plans a team import: upsert by name (case-insensitive); a parent must exist already or be
 * named on an earlier line of the file, which also rules out cycles.
 */
export async function planTeams(
  repo: TeamsRepository,
  manager: EntityManager,
  organisationId: string,
  table: CsvTable,
): Promise<PlannedTeam[]> {
  requireColumns(table, ['name']);
  const teams = await repo.all(manager, organisationId);
  const byName = new Map(teams.map((t) => [t.name.toLowerCase(), t]));
  const byId = new Map(teams.map((t) => [t.id, t]));
  const seen = new Map<string, number>();
  // Each team's parent (lower-cased names) as the file leaves it after the rows so far: a loop
  // through a team created earlier in the same file must be caught too, not only existing ones.
  const parentOf = new Map(
    teams.map((t) => [
      t.name.toLowerCase(),
      t.parentId ? (byId.get(t.parentId)?.name.toLowerCase() ?? null) : null,
    ]),
  );

  return table.rows.map(({ line, cells, cellCount, problems }) => {
    const errors: ImportRowResult['errors'] = [...problems];
    const name = cells.name ?? '';
    const parentName = cells.parent || null;
    if (cellCount < table.columns.length)
      errors.push({ column: '*', message: `row has ${cellCount} of ${table.columns.length} columns` });
    if (!name) errors.push({ column: 'name', message: 'missing' });
    else if (name.length > 120) errors.push({ column: 'name', message: 'longer than 120 characters' });
    const duplicateOf = seen.get(name.toLowerCase());
    if (name && duplicateOf) errors.push({ column: 'name', message: `duplicate of line ${duplicateOf}` });
    if (parentName && parentName.toLowerCase() === name.toLowerCase())
      errors.push({ column: 'parent', message: 'a team cannot be its own parent' });
    else if (parentName && !seen.has(parentName.toLowerCase()) && !byName.has(parentName.toLowerCase())) {
      errors.push({
        column: 'parent',
        message: `unknown team "${parentName}" (define it on an earlier line)`,
      });
    }
    if (name) seen.set(name.toLowerCase(), line);

    const existing = byName.get(name.toLowerCase());
    const parentKnown = parentName && !errors.some((e) => e.column === 'parent');
    if (name && parentKnown && isBelow(parentName.toLowerCase(), name.toLowerCase(), parentOf)) {
      errors.push({
        column: 'parent',
        message: `"${parentName}" lies below "${name}"; that would make a loop`,
      });
    }
    if (errors.length) return { result: { line, action: 'error', key: name, errors }, name, parentName };
    parentOf.set(name.toLowerCase(), parentName?.toLowerCase() ?? null);
    if (!existing) return { result: { line, action: 'create', key: name, errors }, name, parentName };
    const currentParent = existing.parentId ? (byId.get(existing.parentId)?.name ?? null) : null;
    const same =
      existing.name === name &&
      (currentParent?.toLowerCase() ?? null) === (parentName?.toLowerCase() ?? null);
    return {
      result: { line, action: same ? 'unchanged' : 'update', key: name, errors },
      existingId: existing.id,
      name,
      parentName,
    };
  });
}

/** True when `ancestor` is `team` or one of its ancestors in the planned tree (names lower-cased). */
function isBelow(team: string, ancestor: string, parentOf: Map<string, string | null>): boolean {
  const visited = new Set<string>();
  for (let at: string | null | undefined = team; at && !visited.has(at); at = parentOf.get(at)) {
    if (at === ancestor) return true;
    visited.add(at);
  }
  return false;
}

export async function applyTeams(
  repo: TeamsRepository,
  manager: EntityManager,
  organisationId: string,
  plan: PlannedTeam[],
  progress: (done: number) => Promise<void>,
): Promise<void> {
  // The plan checked every parent: one that is gone now fails the row (and the whole import).
  const resolveParent = async (parentName: string | null) => {
    if (!parentName) return null;
    const id = await repo.idByName(manager, organisationId, parentName);
    if (!id) throw new Error(`team "${parentName}" not found`);
    return id;
  };
  for (const [index, row] of plan.entries()) {
    await atLine(row.result.line, async () => {
      if (row.result.action === 'create') {
        await repo.insert(manager, organisationId, {
          name: row.name,
          parentId: await resolveParent(row.parentName),
        });
      }
      if (row.result.action === 'update' && row.existingId) {
        await repo.update(manager, organisationId, row.existingId, {
          name: row.name,
          parentId: await resolveParent(row.parentName),
        });
      }
    });
    await progress(index + 1);
  }
}
