/**
 * The popup's two look-ups at open, timed in Node: "already reported" through a full history of
 * 500 (the match is the oldest entry, so the whole list is read), and the preset that fits the
 * page among 100 (the last one fits).
 */
import { findAlreadyReported } from '../lib/already-reported';
import type { HistoryEntry } from '../lib/history';
import { presetForPage } from '../lib/presets/matching';
import type { Preset } from '../lib/presets/preset';

const RUNS = 1000;

function medianMicroseconds(run: () => unknown): string {
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return `${((times[Math.floor(RUNS / 2)] ?? 0) * 1000).toFixed(1)} µs`;
}

export function benchMatching(): string[] {
  const history: HistoryEntry[] = Array.from({ length: 500 }, (_, index) => ({
    taskLink: `https://bzctrl.example/app/#/todo/IMP-NLD-EXA-SWA-${index}`,
    trusted: true,
    title: `Item ${index}`,
    todoType: 'INCIDENT',
    orderID: String(7_000_000 + index),
    lrn: `24NLLRN${String(index).padStart(7, '0')}`,
    domainWorkSpace: 'IMP-NLD-EXA-SWA',
    createdAt: new Date(Date.UTC(2026, 11, 4)).toISOString(),
  }));
  const presets = Array.from({ length: 100 }, (_, index) => ({
    preset: {
      id: `p-${index}`,
      name: `P${index}`,
      urlPatterns: [`https://host${index}.example.com/*`],
      todoType: '',
      domain: '',
      workspace: '',
      title: '',
      description: '',
      category: '',
      subCategory: '',
      status: '',
      priority: '',
      impact: '',
      likelihood: '',
    } satisfies Preset,
    managed: false,
  }));
  const reported = findAlreadyReported(history, { lrn: '24NLLRN0000499' });
  const matched = presetForPage(presets, 'https://host99.example.com/orders/1');
  return [
    `already reported, history of 500, match in the oldest: ${medianMicroseconds(() => findAlreadyReported(history, { lrn: '24NLLRN0000499' }))} (found ${reported?.entry.orderID ?? 'nothing'})`,
    `preset for the page, 100 presets, the last fits: ${medianMicroseconds(() => presetForPage(presets, 'https://host99.example.com/orders/1'))} (chose ${matched?.preset.name ?? 'none'})`,
  ];
}
