/**
 * The reviewer of each person `u`: a manager of the person's team, else of the nearest ancestor
 * team that has one (never the person itself; active managers only; the first by name when
 * several). Opening a cycle, HR's reassignment hint and the demo seeder pick reviewers with it.
 */
export const REVIEWER_SQL = `(
  WITH RECURSIVE up AS (
    SELECT u.team_id AS team_id, 0 AS depth
    UNION ALL
    SELECT t.parent_id, up.depth + 1 FROM up JOIN teams t ON t.id = up.team_id
     WHERE t.parent_id IS NOT NULL AND up.depth < 50
  )
  SELECT m.user_id FROM up
    JOIN team_managers m ON m.team_id = up.team_id
    JOIN users mu ON mu.id = m.user_id AND mu.status <> 'deactivated'
   WHERE m.user_id <> u.id
   ORDER BY up.depth, mu.name, mu.id LIMIT 1
)`;
