import { enteredValues, entriesOf, isLocked, unreadableEntries } from './annual-report-form';

const cells = new Map([
  ['三.a', { source: 'entered' as const }],
  ['三.b', { source: 'computed' as const }],
  ['三.c', { source: 'entered' as const }],
  ['三.d', { source: 'entered' as const }],
]);

describe('the annual report form', () => {
  it('shows the entered cells as text, an empty one as an empty box', () => {
    expect(
      entriesOf({
        cells: {
          '三.a': { source: 'entered', value: 3 },
          '三.b': { source: 'computed', value: 5 },
          '三.c': { source: 'entered', value: null },
        },
      })
    ).toEqual({ '三.a': '3', '三.c': '' });
  });

  it('saves only the entered cells, an empty or unreadable entry as none', () => {
    expect(enteredValues(cells, { '三.a': ' 12 ', '三.b': '7', '三.c': 'x' })).toEqual({
      '三.a': 12,
      '三.c': null,
      '三.d': null,
    });
  });

  it('names the entered cells that are not a number', () => {
    expect(
      unreadableEntries(cells, { '三.a': '1.5', '三.b': 'x', '三.c': '十', '三.d': '' })
    ).toEqual(['三.c']);
  });

  it('is locked while it waits for a reviewer', () => {
    expect(isLocked('submitted')).toBe(true);
    expect(isLocked('cleared')).toBe(true);
    expect(isLocked('draft')).toBe(false);
    expect(isLocked(null)).toBe(false);
  });
});
