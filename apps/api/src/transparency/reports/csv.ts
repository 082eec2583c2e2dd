/**
 * The report as CSV sheets shaped after the EU harmonised transparency templates (Implementing
 * Regulation (EU) 2024/2835): orders from authorities, notices, own-initiative decisions,
 * complaints (appeals), human resources and qualitative information — plus Docket's own sheet on
 * access to private messages. Every cell comes from the published (already suppressed) figures:
 * a suppressed count is its range, `1-9`, never a number.
 */
import { csvField, type FigureId, type ReportFigure, type TransparencyReport } from '@docket/audit-chain';
import type { ReportCsvSheet } from '@docket/contracts';

export const CSV_COLUMNS = {
  orders: [
    'member_state',
    'type_of_order',
    'number_of_orders',
    'accounts_specified',
    'orders_some_data_provided',
    'orders_content_provided',
    'orders_only_non_content_provided',
    'orders_rejected',
    'orders_partially_complied',
    'orders_no_data',
    'emergency_orders',
    'preservation_orders',
    'accounts_preserved',
    'orders_under_non_disclosure',
    'median_time_to_inform_receipt_hours',
    'median_time_to_give_effect_hours',
  ],
  notices: [
    'type_of_alleged_illegal_content',
    'notice_source',
    'number_of_notices',
    'median_time_to_take_action_hours',
  ],
  own_initiative: ['breakdown', 'value', 'number_of_decisions'],
  appeals: ['breakdown', 'value', 'number_of_complaints', 'median_time_to_decide_hours'],
  human_resources: ['indicator', 'value'],
  qualitative: ['topic', 'information'],
  access: ['figure', 'breakdown', 'value'],
} as const satisfies Record<ReportCsvSheet, readonly string[]>;

/** A figure as a cell: exact values as they are, a suppressed count as its range, anything withheld as text. */
export function cellOf(figure: ReportFigure | undefined): string {
  if (!figure) return '0';
  if (figure.status === 'exact') return String(figure.value);
  if (figure.status === 'no_data') return '';
  return figure.range ? `${figure.range.min}-${figure.range.max}` : 'suppressed';
}

function index(report: TransparencyReport) {
  const rows = new Map<string, ReportFigure>();
  for (const figure of report.figures) rows.set(`${figure.id}|${JSON.stringify(figure.by)}`, figure);
  return (id: FigureId, by: Record<string, string> = {}) => rows.get(`${id}|${JSON.stringify(by)}`);
}

function rowsOf(report: TransparencyReport, id: FigureId): ReportFigure[] {
  return report.figures.filter((figure) => figure.id === id);
}

const line = (cells: readonly string[]) => `${cells.map((cell) => csvField(cell)).join(',')}\r\n`;

function sheetRows(report: TransparencyReport, sheet: ReportCsvSheet): string[][] {
  const find = index(report);
  switch (sheet) {
    case 'orders': {
      const cells = rowsOf(report, 'legal.requests_received').map((figure) => figure.by);
      const counts: FigureId[] = [
        'legal.requests_received',
        'legal.accounts_specified',
        'legal.produced_some_data',
        'legal.produced_content',
        'legal.produced_non_content',
        'legal.rejected',
        'legal.narrowed',
        'legal.no_data',
        'legal.emergency',
        'legal.preservation',
        'legal.accounts_preserved',
        'legal.under_nondisclosure',
      ];
      return [
        ...cells.map((by) => [
          by.country ?? '',
          by.instrument ?? '',
          ...counts.map((id) => cellOf(find(id, by))),
          '',
          '',
        ]),
        // Medians are over every order; the totals row carries no counts, so none can be subtracted out.
        [
          'ALL',
          'ALL',
          ...counts.map(() => ''),
          cellOf(find('legal.hours_to_acknowledge_median')),
          cellOf(find('legal.hours_to_effect_median')),
        ],
      ];
    }
    case 'notices':
      return [
        ...rowsOf(report, 'moderation.reports').map((figure) => [
          figure.by.category ?? '',
          figure.by.source ?? '',
          cellOf(figure),
          '',
        ]),
        ['ALL', 'ALL', '', cellOf(find('moderation.hours_to_decision_median'))],
      ];
    case 'own_initiative':
      return [
        ...rowsOf(report, 'moderation.own_initiative_decisions').map((f) => [
          'own_initiative_action',
          f.by.action ?? '',
          cellOf(f),
        ]),
        ...rowsOf(report, 'moderation.decisions').map((f) => ['action', f.by.action ?? '', cellOf(f)]),
        ...rowsOf(report, 'moderation.decisions_by_ground').map((f) => ['ground', f.by.ground ?? '', cellOf(f)]),
        ...rowsOf(report, 'moderation.decisions_by_policy').map((f) => ['policy', f.by.policy ?? '', cellOf(f)]),
        ['account_suspensions', '', cellOf(find('moderation.suspensions'))],
        ['repeat_offender_suspensions', '', cellOf(find('moderation.repeat_offender_suspensions'))],
      ];
    case 'appeals':
      return [
        ...rowsOf(report, 'moderation.appeals_received').map((f) => [
          'received_from',
          f.by.appellant ?? '',
          cellOf(f),
          '',
        ]),
        ...rowsOf(report, 'moderation.appeals_decided').map((f) => ['outcome', f.by.outcome ?? '', cellOf(f), '']),
        ['ALL', '', '', cellOf(find('moderation.appeal_hours_median'))],
      ];
    case 'human_resources':
      return [['reviewers_active_in_period', cellOf(find('moderation.reviewers_active'))]];
    case 'qualitative':
      return [
        ['period', `${report.period.label} (${report.period.from} to ${report.period.to}, end excluded)`],
        [
          'suppression',
          `Counts from 1 to ${report.suppression.threshold - 1} are shown as the range 1-${report.suppression.threshold - 1}.`,
        ],
        [
          'computed_against',
          `Every sealed audit event up to seq ${report.computedAgainst.checkpoint.seq} (checkpoint head ${report.computedAgainst.checkpoint.head}); recompute with docket-verify --report.`,
        ],
        ['licence', report.licence],
        ...(report.notes ? [['notes', report.notes]] : []),
      ];
    case 'access':
      return report.figures
        .filter((figure) => figure.id.startsWith('access.'))
        .map((figure) => [
          figure.id,
          Object.entries(figure.by)
            .map(([dimension, value]) => `${dimension}=${value}`)
            .join(';'),
          cellOf(figure),
        ]);
  }
}

export function reportCsv(report: TransparencyReport, sheet: ReportCsvSheet): string {
  return [CSV_COLUMNS[sheet], ...sheetRows(report, sheet)].map(line).join('');
}
