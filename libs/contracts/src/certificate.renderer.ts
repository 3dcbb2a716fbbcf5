import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/**
 * CJK fonts the certificate can embed, first found wins. The Debian package fonts-wqy-microhei
 * (installed by .ci/run and the Dockerfile) provides the first; Noto CJK is accepted where present.
 */
export const CJK_FONT_CANDIDATES: Array<{ path: string; family?: string }> = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/arphic/uming.ttc', family: 'AR PL UMing CN' },
];

export class CjkFontMissingError extends Error {}

export function findCjkFont(): { path: string; family?: string } {
  const found = CJK_FONT_CANDIDATES.find((f) => existsSync(f.path));
  if (!found) throw new CjkFontMissingError(`no CJK font installed (looked for ${CJK_FONT_CANDIDATES.map((f) => f.path).join(', ')}): apt-get install fonts-wqy-microhei`);
  return found;
}

export interface CertificateData {
  registrationNumber: string;
  title: string;
  typeName: string;
  licenseScope: string | null;
  seller: { name: string; creditCode: string | null };
  buyer: { name: string; creditCode: string | null };
  contractAmount: string;
  technologyAmount: string;
  signedOn: string;
  registeredOn: string;
  institutionName: string;
}

const SCOPE_ZH: Record<string, string> = { exclusive: '独占许可', sole: '排他许可', ordinary: '普通许可' };

function yuan(amount: string): string {
  const [int, dec = '00'] = amount.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec.padEnd(2, '0')} 元`;
}

/** 技术合同登记证明: one A4 page with the embedded CJK font (text stays extractable: pdfkit writes a ToUnicode map). */
export function renderCertificate(d: CertificateData): Promise<Buffer> {
  const font = findCjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: `技术合同登记证明 ${d.registrationNumber}`, Author: d.institutionName || 'TechBridge' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  doc.fontSize(22).text('技术合同登记证明', { align: 'center' });
  doc.moveDown(0.3).fontSize(11).text('Technology Contract Registration Certificate', { align: 'center' });
  doc.moveDown(1.5).fontSize(12);
  const rows: Array<[string, string]> = [
    ['登记编号', d.registrationNumber],
    ['合同名称', d.title],
    ['合同类型', d.licenseScope ? `${d.typeName}（${SCOPE_ZH[d.licenseScope] ?? d.licenseScope}）` : d.typeName],
    ['卖方（登记方）', `${d.seller.name}${d.seller.creditCode ? `  统一社会信用代码 ${d.seller.creditCode}` : ''}`],
    ['买方', `${d.buyer.name}${d.buyer.creditCode ? `  统一社会信用代码 ${d.buyer.creditCode}` : ''}`],
    ['合同成交额', yuan(d.contractAmount)],
    ['技术交易额', yuan(d.technologyAmount)],
    ['签订日期', d.signedOn],
    ['登记日期', d.registeredOn],
    ['登记机构', d.institutionName],
  ];
  for (const [label, value] of rows) {
    doc.text(`${label}：${value}`, { lineGap: 6 });
  }
  doc.moveDown(2).fontSize(10).text('经审查，该合同符合技术合同认定规则，准予登记。本证明可作为享受相关税收优惠政策的依据。', { lineGap: 4 });
  doc.end();
  return done;
}
