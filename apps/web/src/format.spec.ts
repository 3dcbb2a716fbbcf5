import { formatDate, formatDateTime, formatMoney, formatTime } from './format';

describe('one date and money format per language', () => {
  const now = new Date('2026-12-07T02:00:00Z');

  it('writes dates as 2026年12月7日 and 7 Dec 2026, in Beijing time', () => {
    // 20:00 UTC on the 6th is already the 7th in Beijing.
    expect(formatDate('2026-12-06T20:00:00Z', 'zh')).toBe('2026年12月7日');
    expect(formatDate('2026-12-06T20:00:00Z', 'en')).toBe('7 Dec 2026');
    // A calendar date stays that day whatever the browser's zone.
    expect(formatDate('2026-03-01', 'zh')).toBe('2026年3月1日');
    expect(formatDate(null, 'zh')).toBe('');
    expect(formatDate('not a date', 'en')).toBe('');
  });

  it('writes moments as 12月7日 14:30 this year and with the year otherwise', () => {
    expect(formatDateTime('2026-12-07T06:30:00Z', 'zh', now)).toBe('12月7日 14:30');
    expect(formatDateTime('2025-01-02T01:05:00Z', 'zh', now)).toBe('2025年1月2日 09:05');
    expect(formatDateTime('2026-12-07T06:30:00Z', 'en', now)).toBe('7 Dec 14:30');
    expect(formatDateTime('2025-01-02T01:05:00Z', 'en', now)).toBe('2 Jan 2025, 09:05');
    expect(formatTime('2026-12-07T06:30:00Z')).toBe('14:30');
  });

  it('counts large sums in 亿元 and 万元 in Chinese, billions and millions in English', () => {
    expect(formatMoney(10_000_000_000, 'zh', '面议')).toBe('100亿元');
    expect(formatMoney(123_450_000, 'zh', '面议')).toBe('1.23亿元');
    expect(formatMoney(3_500_000, 'zh', '面议')).toBe('350万元');
    expect(formatMoney(10_000_000_000, 'en', 'Negotiable')).toBe('¥10 billion');
    expect(formatMoney(3_500_000, 'en', 'Negotiable')).toBe('¥3.5 million');
    expect(formatMoney(800, 'en', 'Negotiable')).toBe('¥800');
  });
});
