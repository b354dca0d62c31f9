import { feeByCount, feeByPages, ratePerApplication } from './fees';

describe('the fee by count (国办函〔2020〕109号 Art. 4)', () => {
  it('charges nothing for the first 10 applications of a month', () => {
    expect(ratePerApplication(1)).toBe(0);
    expect(ratePerApplication(10)).toBe(0);
    expect(feeByCount(10)).toMatchObject({ amount: 0, units: 10 });
    expect(feeByCount(10).text).toContain('10件以下（含10件）的，不收费');
  });

  it('charges 100 yuan for the 11th to the 30th', () => {
    expect(ratePerApplication(11)).toBe(100);
    expect(ratePerApplication(30)).toBe(100);
    expect(feeByCount(11).text).toBe(
      '按件计收：本申请为申请人本自然月内第11件申请，累计申请11—30件（含30件）的部分，100元/件，计100元。'
    );
  });

  it('raises the rate by 100 yuan for each band of 10 from the 31st', () => {
    expect([31, 40, 41, 50, 51, 60, 61].map(ratePerApplication)).toEqual([
      200, 200, 300, 300, 400, 400, 500,
    ]);
  });
});

describe('the fee by volume (Art. 5)', () => {
  it('charges nothing up to 30 pages', () => {
    expect(feeByPages(30).amount).toBe(0);
  });

  it('adds the bands progressively', () => {
    expect(feeByPages(31).amount).toBe(10);
    expect(feeByPages(100).amount).toBe(700);
    expect(feeByPages(101).amount).toBe(720);
    expect(feeByPages(200).amount).toBe(2700);
    expect(feeByPages(250).amount).toBe(2700 + 50 * 40);
  });

  it('shows every band in the notice', () => {
    expect(feeByPages(120).text).toBe(
      '按量计收：共120页，30页以下（含30页）不收费；31—100页部分70页×10元=700元；101—200页部分20页×20元=400元，合计1100元。'
    );
  });
});
