import type { QualityWarning } from './entities/achievement.entity';

/** A number with a unit or a comparison: "效率提升30%", "≥ 99.5%", "1200 MPa", "成本降低约四成" is not caught (words, not figures). */
const QUANTIFIED = /(\d+(\.\d+)?\s*(%|％|‰|倍|万|亿|元|吨|t\b|kg|千克|克|g\b|mg|μm|um|nm|mm|cm|米|m\b|km|公里|小时|h\b|min|分钟|秒|s\b|℃|°C|K\b|MPa|GPa|Pa|kW|MW|GW|W\b|kWh|Wh|V\b|mAh|Ah|Hz|kHz|MHz|GHz|dB|ppm|ppb|次|台|套|项|个|级|年|天|亩|斤|公斤|升|L\b|mL|Mbps|Gbps|TOPS|fps))|([≥≤><]\s*\d)/i;
const SCENARIO = /(应用|适用|用于|可用|场景|领域|面向|推广|示范|application|applicable|used in|use case|scenario)/i;
const PATENT_CLAIM = /(专利|patent)/i;
/** CN/PCT/US style numbers: CN202110123456.7, ZL201910000000.1, 202110123456.7, PCT/CN2020/123456. */
export const PATENT_NUMBER = /^((CN|ZL)?\d{8,13}(\.[\dX])?[A-Z]?|PCT\/[A-Z]{2}\d{4}\/\d{5,6}|[A-Z]{2}\d{5,12}[A-Z]?\d?)$/i;

export interface ListingQualityInput {
  summary: string;
  patents: string[];
}

/** Warnings shown to the owner at submission and to the reviewer: they never block the submission. */
export function listingQualityWarnings(a: ListingQualityInput): QualityWarning[] {
  const out: QualityWarning[] = [];
  if (!QUANTIFIED.test(a.summary)) {
    out.push({ code: 'NO_QUANTIFIED_INDICATOR', zh: '摘要中没有量化技术指标（如"效率提升30%"、"强度≥1200 MPa"）', en: 'The summary states no quantified indicator (e.g. "efficiency +30%", "strength ≥ 1200 MPa")' });
  }
  if (!SCENARIO.test(a.summary)) {
    out.push({ code: 'NO_APPLICATION_SCENARIO', zh: '摘要中没有说明应用场景或适用领域', en: 'The summary names no application scenario' });
  }
  const validPatents = a.patents.filter((p) => PATENT_NUMBER.test(p.trim()));
  if (PATENT_CLAIM.test(a.summary) && validPatents.length === 0) {
    out.push({ code: 'PATENT_NUMBER_MISSING', zh: '摘要提及专利，但未填写专利号或申请号', en: 'A patent is claimed but no patent or application number is given' });
  } else if (validPatents.length < a.patents.length) {
    out.push({ code: 'PATENT_NUMBER_MALFORMED', zh: '部分专利号格式不正确（应如 CN202110123456.7）', en: 'Some patent numbers are malformed (expected e.g. CN202110123456.7)' });
  }
  return out;
}
