import { FORMAT_2019 } from '../../../../../shared/reporting/annual-report/format-2019';
import { FORMAT_2021 } from '../../../../../shared/reporting/annual-report/format-2021';
import { entryProblem } from './entries';

const SUIT_PENDING = '四.litigation.count.suitDirect.pending';
const none = () => false;

describe('entryProblem', () => {
  it('takes whole counts, and null to clear a cell', () => {
    expect(entryProblem(FORMAT_2021, { [SUIT_PENDING]: 2 }, none)).toBeNull();
    expect(entryProblem(FORMAT_2021, { [SUIT_PENDING]: null }, none)).toBeNull();
  });

  it('names a cell the format does not have', () => {
    expect(entryProblem(FORMAT_2021, { '三.requests.weather.natural': 1 }, none)).toEqual({
      cell: '三.requests.weather.natural',
      message: `Unknown cell "三.requests.weather.natural" in the ${FORMAT_2021.label} format.`,
    });
  });

  it('refuses a cell computed from records only while a provider holds its figure', () => {
    const [cell, figure] = Object.entries(FORMAT_2021.computedFrom)[0];
    expect(entryProblem(FORMAT_2021, { [cell]: 1 }, () => true)).toEqual({
      cell,
      message: `Cell "${cell}" is computed from records (${figure}) and cannot be entered.`,
    });
    expect(entryProblem(FORMAT_2021, { [cell]: 1 }, none)).toBeNull();
  });

  it.each([
    [SUIT_PENDING, -1, 'a whole number ≥ 0'],
    [SUIT_PENDING, 1.5, 'a whole number ≥ 0'],
    ['二.article20_5.licensing.change', -1.5, 'a whole number (a decrease negative)'],
  ])('says what %s takes when given %d', (cell, value, takes) => {
    const format = cell.startsWith('二.article20_5') ? FORMAT_2019 : FORMAT_2021;
    expect(entryProblem(format, { [cell]: value }, none)?.message).toBe(
      `Cell "${cell}" takes ${takes} or null.`
    );
  });
});
