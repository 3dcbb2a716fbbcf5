import { describeConstraintErrors, DomainError } from '@techbridge/platform';

export enum InstrumentErrorCode {
  InstrumentNotFound = 'INSTRUMENT_NOT_FOUND',
  BookingNotFound = 'INSTRUMENT_BOOKING_NOT_FOUND',
  ClaimNotFound = 'INSTRUMENT_SUBSIDY_CLAIM_NOT_FOUND',
  NotAllowed = 'INSTRUMENT_NOT_ALLOWED',
  Overlap = 'INSTRUMENT_BOOKING_OVERLAP',
  TrainingRequired = 'INSTRUMENT_TRAINING_REQUIRED',
  OutsideAvailability = 'INSTRUMENT_OUTSIDE_AVAILABILITY',
  Withdrawn = 'INSTRUMENT_WITHDRAWN',
  PhotoNotFound = 'INSTRUMENT_PHOTO_NOT_FOUND',
}

export const InstrumentErrors = {
  instrumentNotFound: () => DomainError.notFound({ code: InstrumentErrorCode.InstrumentNotFound, zh: '仪器不存在', en: 'Instrument not found' }),
  photoNotFound: () => DomainError.notFound({ code: InstrumentErrorCode.PhotoNotFound, zh: '照片不存在', en: 'Photo not found' }),
  bookingNotFound: () => DomainError.notFound({ code: InstrumentErrorCode.BookingNotFound, zh: '预约不存在', en: 'Booking not found' }),
  claimNotFound: () => DomainError.notFound({ code: InstrumentErrorCode.ClaimNotFound, zh: '后补助申报不存在', en: 'Subsidy claim not found' }),
  notAllowed: (zh: string, en: string) => new DomainError('forbidden', InstrumentErrorCode.NotAllowed, { zh, en }),
  overlap: () =>
    new DomainError('conflict', InstrumentErrorCode.Overlap, { zh: '该时段已被预约', en: 'The instrument is already booked for this period' }, [{ field: 'start', message: 'overlaps another booking', code: 'overlap' }]),
  trainingRequired: () => new DomainError('conflict', InstrumentErrorCode.TrainingRequired, { zh: '使用该仪器须先完成培训', en: 'This instrument needs a training record before booking' }),
  outsideAvailability: () =>
    DomainError.validation('start', { zh: '预约时段不在仪器开放时间内', en: "The period is outside the instrument's opening hours" }, InstrumentErrorCode.OutsideAvailability),
  withdrawn: () => new DomainError('conflict', InstrumentErrorCode.Withdrawn, { zh: '仪器已停止共享', en: 'The instrument is no longer shared' }),
};

describeConstraintErrors({ instrument_booking_no_overlap: InstrumentErrors.overlap });
