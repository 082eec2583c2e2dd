/**
 * The published JSON Schema of report.json (draft 2020-12), from the zod contract, with each figure
 * id described by its one definition (`FIGURES`): the same words as the README table.
 */
import { FIGURES, REPORT_DIMENSIONS, REPORT_LICENCE } from '@docket/audit-chain';
import { TransparencyReport } from '@docket/contracts';
import { z } from 'zod';

export const REPORT_SCHEMA_ID = 'https://docket.example/schemas/transparency-report.v1.json';

type JsonObject = Record<string, unknown>;

export function reportJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(TransparencyReport) as JsonObject & { $defs: Record<string, JsonObject> };
  const figure = schema.$defs.TransparencyReportFigure as { properties: Record<string, JsonObject> };
  figure.properties.id = {
    description: 'The figure. Each is defined once, in code (FIGURES) and in the README.',
    oneOf: FIGURES.map((definition) => ({
      const: definition.id,
      title: definition.label,
      description: `${definition.description} Section: ${definition.section}; unit: ${definition.unit}${
        definition.by.length ? `; broken down by ${definition.by.join(' × ')}` : ''
      }.`,
    })),
  };
  figure.properties.by = {
    ...figure.properties.by,
    propertyNames: { enum: Object.keys(REPORT_DIMENSIONS) },
    description: `The breakdown this row is for; {} for a total. Dimensions: ${Object.entries(REPORT_DIMENSIONS)
      .map(([name, meaning]) => `${name}: ${meaning}`)
      .join(' ')}`,
  };
  return {
    $id: REPORT_SCHEMA_ID,
    title: 'Docket transparency report',
    description: `A transparency report computed from Docket's signed audit log; recompute it with \`docket-verify --report report.json bundle.zip\`. Published under ${REPORT_LICENCE}.`,
    ...schema,
  };
}
