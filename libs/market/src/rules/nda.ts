/**
 * The one-click non-disclosure agreement (保密协议) shown before confidential files and contact details. Versions are
 * kept: an acceptance records the version the requester read, and a new version applies to acceptances after it.
 */
export interface NdaVersion {
  version: string;
  zh: string;
  en: string;
}

export const NDA_VERSIONS: NdaVersion[] = [
  {
    version: '2026-01',
    zh: '本单位承诺：对通过本平台获得的成果持有方保密资料及联系方式仅用于评估合作，未经书面同意不向第三方披露，不用于申请专利或其他与本次对接无关的目的；保密期限为自接受之日起三年。',
    en: 'We undertake to use the owner\'s confidential material and contact details obtained through the platform only to assess a cooperation, not to disclose them to third parties without written consent, and not to use them to file patents or for any purpose beyond this introduction; for three years from acceptance.',
  },
];

export const currentNda = (): NdaVersion => NDA_VERSIONS[NDA_VERSIONS.length - 1];
