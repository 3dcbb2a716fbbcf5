import { DomainError } from '@techbridge/platform';

export enum CatalogErrorCode {
  AchievementNotFound = 'ACHIEVEMENT_NOT_FOUND',
  PackageNotFound = 'PACKAGE_NOT_FOUND',
  GuideCatalogNotFound = 'GUIDE_CATALOG_NOT_FOUND',
  ImportNotFound = 'IMPORT_NOT_FOUND',
  AttachmentNotFound = 'ATTACHMENT_NOT_FOUND',
  NotReviewer = 'NOT_REVIEWER',
  NotCurator = 'NOT_CURATOR',
  NotEditable = 'NOT_EDITABLE',
  AchievementNotPublished = 'ACHIEVEMENT_NOT_PUBLISHED',
  UnsupportedFile = 'UNSUPPORTED_FILE',
  FileTooLarge = 'FILE_TOO_LARGE',
  UnknownImportKind = 'UNKNOWN_IMPORT_KIND',
  GuideCatalogExists = 'GUIDE_CATALOG_EXISTS',
  TooManyAttachments = 'TOO_MANY_ATTACHMENTS',
  UploadAbandoned = 'UPLOAD_ABANDONED',
}

export const CatalogErrors = {
  achievementNotFound: () => DomainError.notFound({ code: CatalogErrorCode.AchievementNotFound, zh: '科技成果不存在', en: 'Achievement not found' }),
  packageNotFound: () => DomainError.notFound({ code: CatalogErrorCode.PackageNotFound, zh: '技术包不存在', en: 'Technology package not found' }),
  guideCatalogNotFound: () => DomainError.notFound({ code: CatalogErrorCode.GuideCatalogNotFound, zh: '指导目录不存在', en: 'Guide catalog not found' }),
  importNotFound: () => DomainError.notFound({ code: CatalogErrorCode.ImportNotFound, zh: '导入任务不存在', en: 'Import not found' }),
  attachmentNotFound: () => DomainError.notFound({ code: CatalogErrorCode.AttachmentNotFound, zh: '附件不存在', en: 'Attachment not found' }),
  notReviewer: () => new DomainError('forbidden', CatalogErrorCode.NotReviewer, { zh: '只有平台或园区审核员可以审核该成果', en: 'Only platform or park reviewers may review this achievement' }),
  notCurator: () => new DomainError('forbidden', CatalogErrorCode.NotCurator, { zh: '只有技术经纪人或技术转移机构成员可以策划技术包', en: 'Only brokers and transfer-institution members curate packages' }),
  notEditable: (status: string) =>
    new DomainError('conflict', CatalogErrorCode.NotEditable, { zh: `当前状态「${status}」下不能修改成果`, en: `An achievement in state '${status}' cannot be edited` }, [], { currentState: status }),
  notPublished: (field: string, id: string) =>
    new DomainError('validation', CatalogErrorCode.AchievementNotPublished, { zh: `成果 ${id} 未发布或不存在`, en: `Achievement ${id} is not published` }, [
      { field, message: `achievement ${id} is not published`, code: CatalogErrorCode.AchievementNotPublished },
    ]),
  unsupportedFile: (field: string, what: string) =>
    new DomainError('validation', CatalogErrorCode.UnsupportedFile, { zh: `不支持的文件类型：${what}`, en: `Unsupported file type: ${what}` }, [
      { field, message: `unsupported file type: ${what}`, code: CatalogErrorCode.UnsupportedFile },
    ]),
  uploadAbandoned: () =>
    new DomainError('conflict', CatalogErrorCode.UploadAbandoned, {
      zh: '上传停顿过久，已被视为中断，请重新上传',
      en: 'The upload stalled for too long and was taken for interrupted; upload the file again',
    }, [], { currentState: 'failed' }),
  fileTooLarge: (limit: number) =>
    new DomainError('too-large', CatalogErrorCode.FileTooLarge, { zh: `文件超过 ${Math.round(limit / 1048576)} MB`, en: `File exceeds ${Math.round(limit / 1048576)} MB` }),
  tooManyAttachments: (limit: number) =>
    new DomainError('conflict', CatalogErrorCode.TooManyAttachments, { zh: `每项成果最多 ${limit} 个附件`, en: `An achievement carries at most ${limit} attachments` }, [
      { field: 'file', message: `at most ${limit} attachments`, code: CatalogErrorCode.TooManyAttachments },
    ]),
  unknownImportKind: (kind: string) =>
    DomainError.notFound({ code: CatalogErrorCode.UnknownImportKind, zh: `不支持的导入类型：${kind}`, en: `Unknown import kind: ${kind}` }),
  guideCatalogExists: () =>
    new DomainError('conflict', CatalogErrorCode.GuideCatalogExists, { zh: '该年度该产业的指导目录已存在', en: 'A guide catalog for this year and industry exists already' }, [
      { field: 'industry', message: 'exists for this year', code: CatalogErrorCode.GuideCatalogExists },
    ]),
};
