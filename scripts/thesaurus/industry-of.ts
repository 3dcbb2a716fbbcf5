/**
 * Classification codes → the zone's nine industries (shared/domain/industries.json), used only to file a mined term
 * under an industry. Built from the classifications' own headings — the Chinese Library Classification (中图分类法)
 * classes and IPC classes — never from demands.
 */
const CLC: Array<[string, string]> = [
  ['X', 'energy-saving-environmental'], ['TK', 'new-energy'], ['TM', 'new-energy'], ['TB3', 'new-materials'], ['TG', 'new-materials'],
  ['TQ', 'new-materials'], ['TU', 'new-materials'], ['TH', 'advanced-equipment'], ['V', 'advanced-equipment'], ['U4', 'new-energy-vehicles'],
  ['U2', 'advanced-equipment'], ['TP', 'digital'], ['TN', 'digital'], ['R', 'life-health'], ['Q', 'life-health'], ['S', 'modern-agriculture'],
  ['TS', 'modern-agriculture'],
];
const IPC: Array<[string, string]> = [
  ['A01', 'modern-agriculture'], ['A23', 'modern-agriculture'], ['A21', 'modern-agriculture'], ['A61', 'life-health'], ['C12', 'life-health'],
  ['C07K', 'life-health'], ['B01D', 'energy-saving-environmental'], ['C02', 'energy-saving-environmental'], ['B09', 'energy-saving-environmental'],
  ['F23J', 'energy-saving-environmental'], ['B08', 'energy-saving-environmental'], ['B60L', 'new-energy-vehicles'], ['B60K', 'new-energy-vehicles'],
  ['B60', 'new-energy-vehicles'], ['B62D', 'new-energy-vehicles'], ['H01M', 'new-energy'], ['H02J', 'new-energy'], ['H02S', 'new-energy'],
  ['F03D', 'new-energy'], ['F24S', 'new-energy'], ['C01', 'new-materials'], ['C04', 'new-materials'], ['C08', 'new-materials'], ['C09', 'new-materials'],
  ['C22', 'new-materials'], ['C23', 'new-materials'], ['C21', 'new-materials'], ['B82', 'new-materials'], ['E04', 'new-materials'], ['G06', 'digital'],
  ['H04', 'digital'], ['G16', 'digital'], ['G08', 'digital'], ['B23', 'advanced-equipment'], ['B25', 'advanced-equipment'], ['B21', 'advanced-equipment'],
  ['F16', 'advanced-equipment'], ['G05', 'advanced-equipment'], ['B65', 'advanced-equipment'], ['B29', 'advanced-equipment'], ['G01', 'tech-services'],
  ['H02', 'new-energy'], ['H01', 'digital'],
];
/** CSL's disciplines (学科) that map cleanly; others are left unfiled. */
const DISCIPLINE: Record<string, string> = {
  环境科学与工程: 'energy-saving-environmental', 材料科学与工程: 'new-materials', '化学/化学工程与技术': 'new-materials', 冶金工程: 'new-materials',
  计算机科学与技术: 'digital', 信息与通信工程: 'digital', 电子科学与技术: 'digital', 控制科学与工程: 'advanced-equipment', 机械工程: 'advanced-equipment',
  电气工程: 'new-energy', 动力工程及工程热物理: 'new-energy', '中医学/中药学': 'life-health', 药学: 'life-health', '基础医学/临床医学': 'life-health',
  '生物学/生物科学与工程': 'life-health', 食品科学与工程: 'modern-agriculture', 园艺学: 'modern-agriculture', 作物学: 'modern-agriculture',
  农业工程: 'modern-agriculture', '畜牧学/兽医学': 'modern-agriculture', 水产: 'modern-agriculture', 交通运输工程: 'new-energy-vehicles',
};

function longestPrefix(table: Array<[string, string]>, code: string): string | undefined {
  let best: [string, string] | undefined;
  for (const row of table) if (code.startsWith(row[0]) && (!best || row[0].length > best[0].length)) best = row;
  return best?.[1];
}

export function industryOfClc(code: string): string | undefined {
  return longestPrefix(CLC, code.toUpperCase());
}
export function industryOfIpc(code: string): string | undefined {
  return longestPrefix(IPC, code.toUpperCase());
}
export function industryOfDiscipline(discipline: string): string | undefined {
  return DISCIPLINE[discipline];
}
