/** Achievement payloads for the catalog e2e tests. */
export function achievementBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '高效钙钛矿-晶硅叠层光伏电池制备技术',
    summary: '本成果开发了钙钛矿-晶硅叠层光伏电池的低温制备工艺，光电转换效率达到28.6%，组件衰减率低于2%/年，可应用于分布式光伏电站和建筑光伏一体化场景。已获发明专利授权。',
    keywords: ['钙钛矿', '光伏电池', '叠层电池'],
    industry: 'new-energy',
    field: 'photovoltaics',
    trl: 6,
    trlEvidence: '中试线连续运行 500 小时，第三方检测报告',
    trlAssessedBy: 'third-party',
    transferModes: ['license', 'transfer'],
    pricingMethod: 'negotiated',
    askingPrice: 3500000,
    patents: ['CN202110123456.7'],
    fundingSource: 'national-program',
    contact: { name: '王老师', phone: '010-62780000', email: 'tto@example.edu.cn' },
    ...overrides,
  };
}
