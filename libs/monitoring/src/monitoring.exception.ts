import { DomainError, ErrorDetail } from '@techbridge/platform';

export enum MonitoringErrorCode {
  QuarterNotFound = 'QUARTER_NOT_FOUND',
  QuarterNotOpen = 'QUARTER_NOT_OPEN',
  QuarterNotStarted = 'QUARTER_NOT_STARTED',
  QuarterExists = 'QUARTER_EXISTS',
  InvalidQuarter = 'INVALID_QUARTER',
  ParkNotFound = 'PARK_NOT_FOUND',
  UnknownIndicator = 'UNKNOWN_INDICATOR',
  IndicatorNotEntered = 'INDICATOR_NOT_ENTERED',
  InvalidValue = 'INVALID_VALUE',
  EntryNotFound = 'ENTRY_NOT_FOUND',
  EntriesPending = 'ENTRIES_PENDING',
  NotPlatformStaff = 'NOT_PLATFORM_STAFF',
  FigureNotFound = 'FIGURE_NOT_FOUND',
  NoPublishedQuarter = 'NO_PUBLISHED_QUARTER',
  IndexNotFound = 'INDEX_NOT_FOUND',
  InvalidWeight = 'INVALID_WEIGHT',
}

export const MonitoringErrors = {
  quarterNotFound: () => DomainError.notFound({ code: MonitoringErrorCode.QuarterNotFound, zh: '报告期不存在', en: 'Reporting quarter not found' }),
  invalidQuarter: (field = 'quarter') =>
    DomainError.validation(field, { zh: '报告期格式应为 2026Q3', en: 'A quarter is written like 2026Q3' }, MonitoringErrorCode.InvalidQuarter),
  quarterNotOpen: (code: string, field = 'quarter') =>
    DomainError.validation(field, { zh: `报告期 ${code} 尚未开放填报`, en: `Quarter ${code} is not open for reporting` }, MonitoringErrorCode.QuarterNotOpen),
  quarterNotStarted: (code: string) =>
    DomainError.validation('quarter', { zh: `报告期 ${code} 尚未开始，不能开放`, en: `Quarter ${code} has not started yet and cannot be opened` }, MonitoringErrorCode.QuarterNotStarted),
  quarterExists: (code: string, status: string) =>
    new DomainError('conflict', MonitoringErrorCode.QuarterExists, { zh: `报告期 ${code} 已开放`, en: `Quarter ${code} already exists` }, [{ field: 'quarter', message: 'already exists', code: MonitoringErrorCode.QuarterExists }], { currentState: status }),
  parkNotFound: () => DomainError.notFound({ code: MonitoringErrorCode.ParkNotFound, zh: '园区不存在', en: 'Park not found' }),
  unknownIndicator: (field: string) => DomainError.validation(field, { zh: '指标不存在', en: 'Unknown indicator' }, MonitoringErrorCode.UnknownIndicator),
  indicatorNotEntered: (field: string) =>
    DomainError.validation(field, { zh: '该指标由平台根据业务数据自动计算，不能填报', en: 'This indicator is computed from platform records and cannot be entered' }, MonitoringErrorCode.IndicatorNotEntered),
  invalidValues: (details: ErrorDetail[]) =>
    new DomainError('validation', MonitoringErrorCode.InvalidValue, { zh: '填报数值不符合要求', en: 'Some figures are not acceptable' }, details),
  entryNotFound: () => DomainError.notFound({ code: MonitoringErrorCode.EntryNotFound, zh: '填报记录不存在', en: 'Entry not found' }),
  entriesPending: (pending: Array<{ id: string; park: string; indicator: string }>) =>
    new DomainError(
      'conflict',
      MonitoringErrorCode.EntriesPending,
      { zh: `尚有 ${pending.length} 项填报待审核，审核后方可发布`, en: `${pending.length} entries await review; approve or return them before publishing` },
      pending.map((p) => ({ field: `entries.${p.id}`, message: `${p.park} ${p.indicator} awaits review`, code: MonitoringErrorCode.EntriesPending })),
      { currentState: 'open' },
    ),
  notPlatformStaff: () => new DomainError('forbidden', MonitoringErrorCode.NotPlatformStaff, { zh: '仅平台工作人员可以执行此操作', en: 'Only platform staff may do this' }),
  figureNotFound: () => DomainError.notFound({ code: MonitoringErrorCode.FigureNotFound, zh: '统计数据不存在', en: 'Figure not found' }),
  noPublishedQuarter: (year: number) =>
    new DomainError('conflict', MonitoringErrorCode.NoPublishedQuarter, { zh: `${year} 年尚无已发布的季度数据`, en: `No quarter of ${year} has been published` }, [{ field: 'year', message: 'no published quarter', code: MonitoringErrorCode.NoPublishedQuarter }]),
  indexNotFound: (year: number) => DomainError.notFound({ code: MonitoringErrorCode.IndexNotFound, zh: `${year} 年创新指数尚未计算`, en: `The ${year} innovation index has not been computed` }),
  invalidWeight: (field: string) => DomainError.validation(field, { zh: '权重必须为非负数，且至少一个维度权重大于0', en: 'Weights are non-negative and at least one dimension weighs more than 0' }, MonitoringErrorCode.InvalidWeight),
};
