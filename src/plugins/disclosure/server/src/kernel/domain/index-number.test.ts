import { DEFAULT_INDEX_PATTERN, formatIndexNumber, patternProblem } from './index-number';

describe('index numbers (索引号)', () => {
  it('follows the national default form', () => {
    expect(
      formatIndexNumber(DEFAULT_INDEX_PATTERN, { orgCode: '005253103', year: 2019, serial: 98 })
    ).toBe('005253103/2019-00098');
    expect(
      formatIndexNumber(DEFAULT_INDEX_PATTERN, {
        orgCode: '11441700007280420Y',
        year: 2021,
        serial: 50,
      })
    ).toBe('11441700007280420Y/2021-00050');
  });

  it('never truncates a serial past its width', () => {
    expect(
      formatIndexNumber('{orgCode}-{YYYY}-{NNN}', { orgCode: 'A', year: 2018, serial: 12345 })
    ).toBe('A-2018-12345');
  });

  it('accepts patterns that keep numbers unique and rejects those that cannot', () => {
    expect(patternProblem(DEFAULT_INDEX_PATTERN)).toBeNull();
    expect(patternProblem('{orgCode}/{NNNNN}')).toContain('{YYYY}');
    expect(patternProblem('{orgCode}/{YYYY}')).toContain('serial');
    expect(patternProblem('{org}/{YYYY}-{NNNNN}')).toContain('unknown placeholder {org}');
  });
});
