import { parseYear, statisticsYears } from './dates';

describe('parseYear', () => {
  const range = statisticsYears(new Date('2026-06-01T00:00:00Z'));

  it('reads a year of the statistics, from 2008 to the current Beijing year', () => {
    expect(range).toEqual({ from: 2008, to: 2026 });
    expect(parseYear('2008', range)).toEqual({ year: 2008 });
    expect(parseYear('2026', range)).toEqual({ year: 2026 });
  });

  it.each([
    [undefined, 'missing'],
    [null, 'missing'],
    ['', 'format'],
    ['twenty', 'format'],
    ['2018.0', 'format'],
    [' 2018', 'format'],
    ['-2018', 'format'],
    [['2018', '2019'], 'format'],
    [2018, 'format'],
    ['1999', 'range'],
    ['2007', 'range'],
    ['2027', 'range'],
    ['123456789012', 'range'],
  ])('refuses %j: %s', (text, problem) => {
    expect(parseYear(text, range)).toEqual({ problem });
  });

  it('counts the current year in Beijing time: New Year’s morning there is already the new year', () => {
    expect(statisticsYears(new Date('2026-12-31T16:00:00Z')).to).toBe(2027);
    expect(statisticsYears(new Date('2026-12-31T15:59:59Z')).to).toBe(2026);
  });
});
