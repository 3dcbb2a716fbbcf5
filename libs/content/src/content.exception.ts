import { DomainError, LocalizedText } from '@techbridge/platform';

export enum ContentErrorCode {
  ArticleNotFound = 'CONTENT_ARTICLE_NOT_FOUND',
  AttachmentNotFound = 'CONTENT_ATTACHMENT_NOT_FOUND',
  PolicyNotFound = 'CONTENT_POLICY_NOT_FOUND',
  UnsupportedFile = 'CONTENT_UNSUPPORTED_FILE',
  FileTooLarge = 'CONTENT_FILE_TOO_LARGE',
  TooManyAttachments = 'CONTENT_TOO_MANY_ATTACHMENTS',
}

function fieldError(kind: 'validation' | 'too-large', code: ContentErrorCode, field: string, text: LocalizedText): DomainError {
  return new DomainError(kind, code, text, [{ field, message: text.en, zh: text.zh, code }]);
}

export const ContentErrors = {
  articleNotFound: () => DomainError.notFound({ code: ContentErrorCode.ArticleNotFound, zh: '政策资讯不存在', en: 'Article not found' }),
  attachmentNotFound: () => DomainError.notFound({ code: ContentErrorCode.AttachmentNotFound, zh: '附件不存在', en: 'Attachment not found' }),
  policyNotFound: () =>
    fieldError('validation', ContentErrorCode.PolicyNotFound, 'policyId', { zh: '解读的政策不存在或不是政策文件', en: 'The interpreted policy does not exist or is not a policy text' }),
  unsupportedFile: () => fieldError('validation', ContentErrorCode.UnsupportedFile, 'file', { zh: '附件只接受 PDF、PNG 或 JPEG 文件', en: 'Attachments must be PDF, PNG or JPEG files' }),
  fileTooLarge: (maxMb: number) => fieldError('too-large', ContentErrorCode.FileTooLarge, 'file', { zh: `附件不能超过 ${maxMb} MB`, en: `Attachments are limited to ${maxMb} MB` }),
  tooManyAttachments: (max: number) =>
    new DomainError('conflict', ContentErrorCode.TooManyAttachments, { zh: `每篇最多 ${max} 个附件`, en: `At most ${max} attachments per article` }),
};
