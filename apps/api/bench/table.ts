/**
 * The issue-15 table: every scenario that measures one of its rows records it here, and `pnpm bench`
 * prints them together at the end, each beside its baseline from the same run and its target.
 */
import { readFileSync } from 'node:fs';

export interface TableRow {
  work: string;
  now: string;
  /** The same-run baseline, when the target is a ratio to one. */
  baseline?: string;
  ratio?: number;
  target: string;
  met: boolean;
}

const rows: TableRow[] = [];

export function recordRow(row: TableRow) {
  rows.push(row);
}

export const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')}/s`;
export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
}

/** A process's `/proc/<pid>/stat` fields after its command name (which may hold spaces), from the state on. */
function statFields(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
}

/** CPU seconds the whole machine has been busy (every core, every process, the kernel's interrupts). */
export function machineBusySeconds(): number {
  const stat = readFileSync('/proc/stat', 'utf8');
  const cpu = stat.slice(0, stat.indexOf('\n')); // the first line: every core together
  const [user, nice, system, , , irq, softirq, steal] = cpu.trim().split(/\s+/).slice(1).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100;
}

/** CPU seconds this process's finished children (pgbench, curl) have used so far. */
export function childrenCpuSeconds(): number {
  const fields = statFields('self');
  return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime
}

export function printTable() {
  if (rows.length === 0) return;
  const header: TableRow & { ratioText: string; verdict: string } = {
    work: 'work',
    now: 'now',
    baseline: 'baseline (same run)',
    ratioText: 'ratio',
    target: 'target',
    verdict: 'verdict',
    met: true,
  };
  const lines = [
    header,
    ...rows.map((row) => ({
      ...row,
      ratioText: row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`,
      verdict: row.met ? 'PASS' : 'MISS',
    })),
  ];
  const columns = ['work', 'now', 'baseline', 'ratioText', 'target', 'verdict'] as const;
  const widths = columns.map((column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  const format = (line: (typeof lines)[number]) =>
    `| ${columns.map((column, i) => (line[column] ?? '').padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(`\nissue 15 — every row in one run (load average ${loadAverage()})`);
  console.log(format(lines[0] as (typeof lines)[number]));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of lines.slice(1)) console.log(format(line));
  const missed = rows.filter((row) => !row.met).length;
  console.log(missed === 0 ? 'every row met its target' : `${missed} of ${rows.length} rows missed their target`);
}
