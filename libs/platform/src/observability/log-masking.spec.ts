import { Writable } from 'node:stream';
import pino from 'pino';
import { maskDeep, maskedLogging, maskText } from './log-masking';

describe('log masking (PIPL)', () => {
  it('masks mobile and landline numbers, e-mail addresses and resident ID numbers', () => {
    expect(maskText('联系人手机13812345678，座机010-62780000')).toBe('联系人手机138****5678，座机010-****0000');
    expect(maskText('call +86 13912345678 or 8613912345678')).toBe('call +86 139****5678 or 86139****5678');
    expect(maskText('user wang.li@example.edu.cn signed in')).toBe('user w***@example.edu.cn signed in');
    expect(maskText('/api/v1/users?email=wang%40example.cn')).toBe('/api/v1/users?email=w***%40example.cn');
    expect(maskText('身份证 11010519491231002X 与 110105194912310021')).toBe('身份证 110105********002X 与 110105********0021');
  });

  it('leaves ids, trace ids, amounts and dates alone', () => {
    const untouched = ['7c9e6679-7425-40de-944b-e07fc1f90ae7', '4bf92f3577b34da6a3ce929d0e0e4736', 'amount 3500000.00', '2026-12-07T05:50:00Z', 'CN202110123456.7', '91130100MA0DQ3KX1L'];
    for (const s of untouched) expect(maskText(s)).toBe(s);
  });

  it('walks nested fields and errors', () => {
    const err = new Error('duplicate key: Key (email)=(li.si@example.cn) already exists');
    const out = maskDeep({ user: { phone: '13812345678', emails: ['a.b@c.cn'] }, err }) as { user: { phone: string; emails: string[] }; err: { message: string } };
    expect(out.user).toEqual({ phone: '138****5678', emails: ['a***@c.cn'] });
    expect(out.err.message).toBe('duplicate key: Key (email)=(l***@example.cn) already exists');
  });

  it('a pino logger with these options writes no personal information', () => {
    const lines: string[] = [];
    const logger = pino({ ...maskedLogging() }, new Writable({ write: (c, _e, cb) => { lines.push(String(c)); cb(); } }));
    logger.info({ contact: { phone: '13812345678', email: 'tto@example.edu.cn' }, idNumber: '11010519491231002X' }, 'invitation sent to zhang.san@example.cn');
    logger.warn('sign-in failed for 13987654321');
    const all = lines.join('');
    for (const secret of ['13812345678', 'tto@example', '11010519491231002X', 'zhang.san@', '13987654321']) expect(all).not.toContain(secret);
    expect(all).toContain('138****5678');
    expect(all).toContain('z***@example.cn');
  });
});
