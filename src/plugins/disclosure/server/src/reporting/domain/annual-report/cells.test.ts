import { FORMAT_2021 } from '../../../../../shared/reporting/annual-report/format-2021';
import { figureValues, reportCells, reportFailures } from './cells';

const SUIT_PENDING = '四.litigation.count.suitDirect.pending';
const [COMPUTED] = Object.keys(FORMAT_2021.computedFrom);

describe('figureValues', () => {
  it('finds every figure in nested sections, by key', () => {
    const sections = {
      items: { total: { key: 'items.total', value: 3, label: '总数' }, byMonth: [] },
      policies: { issued: [{ key: 'policies.issued', value: 2, parts: [{ key: 'x', value: 1 }] }] },
    };
    expect(Object.fromEntries(figureValues(sections))).toEqual({
      'items.total': 3,
      'policies.issued': 2,
      x: 1,
    });
  });
});

describe('reportCells', () => {
  it('takes a computed value first, then what is entered now, then what was stored', () => {
    const cells = reportCells(
      FORMAT_2021,
      new Map([[COMPUTED, { value: 7, source: 'computed' as const, figure: 'f' }]]),
      {
        [SUIT_PENDING]: { value: 1, source: 'entered' },
        [COMPUTED]: { value: 9, source: 'entered' },
      },
      { [SUIT_PENDING]: 2 }
    );
    expect(cells[COMPUTED]).toEqual({ value: 7, source: 'computed', figure: 'f' });
    expect(cells[SUIT_PENDING]).toEqual({ value: 2, source: 'entered' });
  });

  it('clears a cell entered as null, and leaves a never-entered cell null', () => {
    const stored = { [SUIT_PENDING]: { value: 1, source: 'entered' as const } };
    expect(
      reportCells(FORMAT_2021, new Map(), stored, { [SUIT_PENDING]: null })[SUIT_PENDING]
    ).toEqual({ value: null, source: 'entered' });
    expect(reportCells(FORMAT_2021, new Map(), {})[SUIT_PENDING]).toEqual({
      value: null,
      source: 'entered',
    });
  });
});

describe('reportFailures', () => {
  it('names the 勾稽 rule a total breaks', () => {
    const cells = reportCells(FORMAT_2021, new Map(), {}, { [SUIT_PENDING]: 2 });
    expect(reportFailures(FORMAT_2021, cells)).toContainEqual(
      expect.objectContaining({ cell: '四.litigation.count.suitDirect.total', actual: 0 })
    );
  });
});
