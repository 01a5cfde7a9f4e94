import { Table, Text, type TableTdProps } from '@mantine/core';
import type { Key, ReactNode } from 'react';

export interface ListColumn<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers line up on the right, header and cells alike. */
  numeric?: boolean;
  /** Extra props for each cell of the column (weight, word breaking). */
  cellProps?: TableTdProps;
}

/**
 * A striped list with column headers that scrolls sideways below `minWidth`. The table is named
 * by `label` or by a visible heading (`labelledBy`), so screen readers (and tests) can find it.
 * `false` in `columns` leaves a column out, e.g. actions for who may not write.
 */
export function ListTable<T>({
  rows,
  rowKey,
  columns,
  minWidth,
  label,
  labelledBy,
  highlightOnHover,
}: {
  rows: readonly T[];
  rowKey: (row: T) => Key;
  columns: (ListColumn<T> | false)[];
  minWidth: number;
  label?: string;
  labelledBy?: string;
  highlightOnHover?: boolean;
}) {
  const shown = columns.filter((c): c is ListColumn<T> => c !== false);
  const align = (c: ListColumn<T>) => (c.numeric ? 'right' : undefined);
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover={highlightOnHover} aria-label={label} aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            {shown.map((c) => (
              <Table.Th key={c.key} scope="col" ta={align(c)}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {shown.map((c) => (
                <Table.Td key={c.key} ta={align(c)} {...c.cellProps}>
                  {c.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Rows with errors first, then in file order: problems are not missed below a long file. */
export function errorsFirst<T extends { line: number }>(
  rows: readonly T[],
  isError: (row: T) => boolean,
): T[] {
  return [...rows].sort((a, b) => Number(isError(b)) - Number(isError(a)) || a.line - b.line);
}

/** The problems of one file line, each as "column: message" (`*` or none: the whole line). */
export function LineProblems({ problems }: { problems: { where?: string | null; message: string }[] }) {
  return (
    <>
      {problems.map((p, i) => (
        <Text key={i} size="sm" c="red.9">
          {p.where && p.where !== '*' ? `${p.where}: ${p.message}` : p.message}
        </Text>
      ))}
    </>
  );
}
