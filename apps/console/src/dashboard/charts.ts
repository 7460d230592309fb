import type { EChartsCoreOption } from 'echarts/core';

const FONT = { fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif' };

/** Overdue and listed cases per town (grouped bars). */
export function casesByTown(
  rows: { tenantName: string; overdueCases: number; listedCases: number; openCases: number }[],
): EChartsCoreOption {
  return {
    // No animation: the numbers show at once on slow office computers (and screenshots show them whole).
    animation: false,
    textStyle: FONT,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 40 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.tenantName),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '在办案件', type: 'bar', data: rows.map((r) => r.openCases) },
      { name: '超期案件', type: 'bar', data: rows.map((r) => r.overdueCases) },
      { name: '挂牌督办', type: 'bar', data: rows.map((r) => r.listedCases) },
    ],
  };
}

/** Each unit's rank in the regular notices, oldest period first (rank 1 on top). */
export function rankOverMonths(
  notices: { periodStart: string; entries: { unitName: string; rank?: number | null }[] }[],
): EChartsCoreOption {
  const ordered = [...notices].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const periods = ordered.map((n) => n.periodStart.slice(0, 7));
  const units = [...new Set(ordered.flatMap((n) => n.entries.map((e) => e.unitName)))];
  return {
    // No animation: the numbers show at once on slow office computers (and screenshots show them whole).
    animation: false,
    textStyle: FONT,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', inverse: true, minInterval: 1, min: 1, name: '名次' },
    series: units.map((unit) => ({
      name: unit,
      type: 'line',
      data: ordered.map((n) => n.entries.find((e) => e.unitName === unit)?.rank ?? null),
      connectNulls: false,
    })),
  };
}

/** Ladder steps (提醒, 挂牌督办, 约谈, 问责…) by kind. */
export function stepsByKind(counts: { name: string; value: number }[]): EChartsCoreOption {
  return {
    // No animation: the numbers show at once on slow office computers (and screenshots show them whole).
    animation: false,
    textStyle: FONT,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '65%'], data: counts, label: { formatter: '{b}：{c}' } }],
  };
}
