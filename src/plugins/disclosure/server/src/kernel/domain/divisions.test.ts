import { coversDivision } from './divisions';

describe('coversDivision', () => {
  it('lets staff act on their own division’s items, not on another’s', () => {
    expect(coversDivision('office', 'office')).toBe(true);
    expect(coversDivision('office', 'planning')).toBe(false);
  });

  it('lets staff without a division act on every item', () => {
    expect(coversDivision(null, 'planning')).toBe(true);
    expect(coversDivision(null, null)).toBe(true);
  });

  it('opens an item of no division to every division', () => {
    expect(coversDivision('office', null)).toBe(true);
  });
});
