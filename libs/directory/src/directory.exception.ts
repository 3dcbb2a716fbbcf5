import { DomainError, LocalizedText } from '@techbridge/platform';

export enum DirectoryErrorCode {
  RatingNotFound = 'DIRECTORY_RATING_NOT_FOUND',
  ContractNotRegistered = 'DIRECTORY_CONTRACT_NOT_REGISTERED',
  NotAParty = 'DIRECTORY_NOT_A_PARTY',
  NoSuchSubject = 'DIRECTORY_NO_SUCH_SUBJECT',
  OwnService = 'DIRECTORY_OWN_SERVICE',
  AlreadyRated = 'DIRECTORY_ALREADY_RATED',
  ExpertNotFound = 'DIRECTORY_EXPERT_NOT_FOUND',
  NotAnInstitution = 'DIRECTORY_NOT_AN_INSTITUTION',
  NotModerator = 'DIRECTORY_NOT_MODERATOR',
}

function fieldError(code: DirectoryErrorCode, field: string, text: LocalizedText): DomainError {
  return new DomainError('validation', code, text, [{ field, message: text.en, zh: text.zh, code }]);
}

export const DirectoryErrors = {
  ratingNotFound: () => DomainError.notFound({ code: DirectoryErrorCode.RatingNotFound, zh: '评价不存在', en: 'Rating not found' }),
  expertNotFound: () => DomainError.notFound({ code: DirectoryErrorCode.ExpertNotFound, zh: '专家不存在', en: 'Expert not found' }),
  contractNotRegistered: (status: string) =>
    new DomainError('conflict', DirectoryErrorCode.ContractNotRegistered, { zh: '只能评价已登记的技术合同', en: 'Only a registered contract can be rated' }, undefined, { currentState: status }),
  notAParty: () => new DomainError('forbidden', DirectoryErrorCode.NotAParty, { zh: '只有合同的买方或卖方可以评价', en: 'Only the buyer or the seller of the contract may rate it' }),
  noSuchSubject: (subject: string) =>
    fieldError(DirectoryErrorCode.NoSuchSubject, 'subject', subject === 'broker'
      ? { zh: '该合同没有技术经纪人', en: 'The contract names no broker' }
      : { zh: '该合同没有技术转移机构', en: 'The contract names no transfer institution' }),
  ownService: () => new DomainError('forbidden', DirectoryErrorCode.OwnService, { zh: '不能评价自己或本机构的服务', en: 'You cannot rate your own service' }),
  alreadyRated: () => new DomainError('conflict', DirectoryErrorCode.AlreadyRated, { zh: '本机构已就该合同作出评价', en: 'Your organisation has already rated this for the contract' }),
  notAnInstitution: () =>
    new DomainError('forbidden', DirectoryErrorCode.NotAnInstitution, {
      zh: '只有已核验的高校、科研院所或技术转移机构可以登记专家', en: 'Only a verified university, institute or transfer institution registers experts',
    }),
  notModerator: () => new DomainError('forbidden', DirectoryErrorCode.NotModerator, { zh: '只有平台管理员可以审核评价', en: 'Only platform administrators moderate ratings' }),
};
