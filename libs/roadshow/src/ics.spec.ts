import { buildIcs } from './ics';

describe('ics', () => {
  it('builds a valid calendar with folded, escaped lines', () => {
    const text = buildIcs('路演', [{ uid: 'm1@techbridge', startsAt: new Date('2026-06-10T01:00:00Z'), endsAt: new Date('2026-06-10T01:20:00Z'), summary: '一对一洽谈：氢能储运技术, 第3桌; 很长的标题'.repeat(3) }], new Date('2026-06-01T00:00:00Z'));
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text).toContain('DTSTART:20260610T010000Z');
    expect(text).toContain('\\,');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });
});
