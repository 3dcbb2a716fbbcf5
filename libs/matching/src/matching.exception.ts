import { DomainError } from '@techbridge/platform';

export enum MatchingErrorCode {
  MatchNotFound = 'MATCH_NOT_FOUND',
  ThesaurusEntryNotFound = 'THESAURUS_ENTRY_NOT_FOUND',
  ThesaurusEntryExists = 'THESAURUS_ENTRY_EXISTS',
  TakenByAnotherBroker = 'MATCH_TAKEN_BY_ANOTHER_BROKER',
  NotTaken = 'MATCH_NOT_TAKEN',
  CloseReasonRequired = 'CLOSE_REASON_REQUIRED',
  NotMatchable = 'NOT_MATCHABLE',
  WeightsVersionNotFound = 'MATCH_WEIGHTS_VERSION_NOT_FOUND',
}

export const MatchingErrors = {
  matchNotFound: () => DomainError.notFound({ code: MatchingErrorCode.MatchNotFound, zh: '匹配记录不存在', en: 'Match not found' }),
  thesaurusEntryNotFound: () => DomainError.notFound({ code: MatchingErrorCode.ThesaurusEntryNotFound, zh: '词表条目不存在', en: 'Thesaurus entry not found' }),
  thesaurusEntryExists: (term: string) =>
    new DomainError('conflict', MatchingErrorCode.ThesaurusEntryExists, { zh: `该产业下已有词条「${term}」`, en: `The industry already has an entry '${term}'` }, [
      { field: 'term', message: 'duplicate', code: 'unique' },
    ]),
  takenByAnotherBroker: () =>
    new DomainError('forbidden', MatchingErrorCode.TakenByAnotherBroker, { zh: '该匹配已由其他经纪人跟进', en: 'Another broker follows this match' }),
  notTaken: (status: string) =>
    new DomainError('conflict', MatchingErrorCode.NotTaken, { zh: '请先由经纪人接手该匹配', en: 'A broker must take the match into the pipeline first' }, [], { currentState: status }),
  closeReasonRequired: () =>
    DomainError.validation('closeReason', { zh: '关闭匹配须注明原因', en: 'Closing a match needs a reason' }, 'required'),
  weightsVersionNotFound: () => DomainError.notFound({ code: MatchingErrorCode.WeightsVersionNotFound, zh: '匹配权重版本不存在', en: 'Weights version not found' }),
  notMatchable: () =>
    new DomainError('conflict', MatchingErrorCode.NotMatchable, { zh: '需求未发布或成果不满足硬性条件，无法匹配', en: 'The demand is not published or the achievement fails a hard constraint' }),
};
