import { formatPoints, parsePoints } from '../components/scorePoints';

describe('scorePoints', () => {
  it('formatPoints_Decimals_WrittenWithADecimalComma', () => {
    expect([92.5, -2.5, 71, 0, 10.25, 33.333].map(formatPoints)).toEqual(['92,5', '-2,5', '71', '0', '10,25', '33,33']);
  });

  it('parsePoints_CommaOrDot_ReadsOneDecimal', () => {
    expect(['92,5', '92.5', ' 100 ', '0', '7'].map(parsePoints)).toEqual([92.5, 92.5, 100, 0, 7]);
  });

  it('parsePoints_OutOfRangeOrNotANumber_Undefined', () => {
    expect(['101', '100,5', '9,25', '', 'chín mươi', '-1', '1e2'].map(parsePoints)).toEqual(
      [undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
