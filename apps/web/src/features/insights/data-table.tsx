import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TooFew, useCellTexts } from './insight-ui';
import { formatCell, isTooFew, type TableSpec } from './table-model';

/**
 * A TableSpec as an accessible table: a caption (its name), column headers, the first column as
 * row headers. Held-back cells read "te weinig antwoorden", never blank.
 */
export function DataTable({
  spec,
  caption,
  minimum,
}: {
  spec: TableSpec;
  caption: string;
  minimum?: number;
}) {
  const { i18n } = useTranslation();
  const texts = useCellTexts();
  const [first, ...rest] = spec.columns;
  const numeric = (kind: string) => kind !== 'text';
  return (
    // Wide tables scroll sideways; the region takes keyboard focus so the scroll works without a mouse.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table striped highlightOnHover withTableBorder captionSide="top" className="data-table">
        <caption className="data-table-caption">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {spec.columns.map((c) => (
              <Table.Th key={c.key} scope="col" ta={numeric(c.kind) ? 'right' : undefined}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {spec.rows.map((row, i) => (
            <Table.Tr key={i}>
              <Table.Th scope="row" fw={500}>
                {formatCell(row[first.key] ?? null, first.kind, i18n.language, texts)}
              </Table.Th>
              {rest.map((c) => {
                const value = row[c.key] ?? null;
                return (
                  <Table.Td key={c.key} ta={numeric(c.kind) ? 'right' : undefined}>
                    {isTooFew(value) ? (
                      <TooFew minimum={minimum} />
                    ) : (
                      formatCell(value, c.kind, i18n.language, texts)
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
