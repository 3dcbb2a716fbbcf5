import { plainTextOf, sanitizeRichText } from './rich-text';

describe('article rich text', () => {
  it('keeps the markup of a policy text and drops scripts, handlers and javascript: links', () => {
    const html = sanitizeRichText(
      '<h2>第一条</h2><p onclick="steal()">为<strong>促进</strong>成果转化<script>alert(1)</script></p><a href="javascript:alert(1)">x</a><a href="https://www.gov.cn/">国务院</a><img src="x" onerror="alert(1)"><style>p{}</style>',
    );
    expect(html).toContain('<h2>第一条</h2>');
    expect(html).toContain('<p>为<strong>促进</strong>成果转化</p>');
    expect(html).not.toMatch(/script|onclick|onerror|javascript:|style/);
    expect(html).toContain('<a href="https://www.gov.cn/" rel="noopener noreferrer">国务院</a>');
  });

  it('gives the words without markup, blocks apart', () => {
    expect(plainTextOf('<h2>第一条</h2><p>奖励&amp;补贴</p><ul><li>一</li><li>二</li></ul>')).toBe('第一条 奖励&补贴 一 二');
  });
});
