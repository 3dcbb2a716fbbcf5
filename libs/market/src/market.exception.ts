import { DomainError, notAPdf } from '@techbridge/platform';

/** The market's expected failures, each with its code and zh/en text. */
export const MarketErrors = {
  listingNotFound: () => DomainError.notFound({ code: 'LISTING_NOT_FOUND', zh: '挂牌项目不存在', en: 'Listing not found' }),
  intentNotFound: () => DomainError.notFound({ code: 'INTENT_NOT_FOUND', zh: '意向不存在', en: 'Intent not found' }),
  noticeNotFound: () => DomainError.notFound({ code: 'NOTICE_NOT_FOUND', zh: '公示不存在', en: 'Notice not found' }),
  objectionNotFound: () => DomainError.notFound({ code: 'OBJECTION_NOT_FOUND', zh: '异议不存在', en: 'Objection not found' }),
  auctionNotFound: () => DomainError.notFound({ code: 'AUCTION_NOT_FOUND', zh: '拍卖不存在', en: 'Auction not found' }),
  bidderNotFound: () => DomainError.notFound({ code: 'BIDDER_NOT_FOUND', zh: '竞买登记不存在', en: 'Bidder registration not found' }),
  subjectNotFound: () => DomainError.notFound({ code: 'SUBJECT_NOT_FOUND', zh: '成果或成果包不存在或未发布', en: 'Achievement or package not found or not published' }),
  notOwner: () => new DomainError('forbidden', 'NOT_OWNER', { zh: '仅持有单位可以操作', en: 'Only the owner may do this' }),
  notReviewer: () => new DomainError('forbidden', 'NOT_REVIEWER', { zh: '仅平台工作人员或所在园区的审核员可以审核', en: 'Only platform staff or the park\'s reviewer may review' }),
  notStaff: () => new DomainError('forbidden', 'NOT_STAFF', { zh: '仅平台工作人员可以操作', en: 'Only platform staff may do this' }),
  ownListing: () => new DomainError('conflict', 'OWN_LISTING', { zh: '不能对本单位的挂牌项目登记意向或竞买', en: 'An owner cannot buy its own listing' }),
  buyerTypeNotAllowed: () => new DomainError('forbidden', 'BUYER_TYPE', { zh: '仅企业、高校和科研院所可以作为受让方', en: 'Only enterprises, universities and institutes may buy' }),
  intentExists: () => new DomainError('conflict', 'INTENT_EXISTS', { zh: '贵单位已登记意向', en: 'Your organisation already has an intent on this listing' }),
  notEnoughIntents: (n: number) => new DomainError('conflict', 'NOT_ENOUGH_INTENTS', { zh: `竞价拍卖需要至少两个有效意向（当前 ${n} 个）`, en: `An auction needs two or more open intents (${n} now)` }, [], { intents: n }),
  intentNotOpen: (status: string) => DomainError.illegalTransition('intent', status, 'accept'),
  noBuyer: () => new DomainError('conflict', 'NO_BUYER', { zh: '没有已接受的受让方', en: 'No accepted buyer' }),
  objectorIsParty: () => new DomainError('conflict', 'OBJECTOR_IS_PARTY', { zh: '交易双方不能对本交易提出异议', en: 'The parties cannot object to their own deal' }),
  bidRefused: (reason: string, minimum: string) =>
    new DomainError('conflict', 'BID_REFUSED', {
      zh: reason === 'below-minimum' ? `出价低于最低加价，至少 ${minimum} 元` : reason === 'closed' ? '拍卖已结束' : reason === 'not-started' ? '拍卖尚未开始' : '您已是当前最高出价',
      en: reason === 'below-minimum' ? `Bid below the minimum of ${minimum} yuan` : reason === 'closed' ? 'The auction has closed' : reason === 'not-started' ? 'The auction has not started' : 'You are already the highest bidder',
    }, [], { reason, minimum: Number(minimum) }),
  notQualified: () => new DomainError('forbidden', 'NOT_QUALIFIED', { zh: '竞买资格未确认（授权书及保证金）', en: 'Not a qualified bidder (authorisation letter and deposit confirmed)' }),
  letterMissing: () => new DomainError('conflict', 'LETTER_MISSING', { zh: '尚未上传授权委托书', en: 'The authorisation letter has not been uploaded' }),
  registrationClosed: () => new DomainError('conflict', 'REGISTRATION_CLOSED', { zh: '竞买登记已截止', en: 'Bidder registration has closed' }),
  notOffered: () => new DomainError('forbidden', 'NOT_OFFERED', { zh: '当前未向贵单位发出成交确认', en: 'The lot is not offered to your organisation' }),
  chainNotPublic: () => new DomainError('conflict', 'AUCTION_NOT_CLOSED', { zh: '拍卖结束后方可校验出价记录', en: 'The bid log can be verified after the close' }),
  badTimes: () => DomainError.validation('startsAt', { zh: '开始时间须晚于当前时间，且结束时间晚于开始时间', en: 'startsAt must be in the future and the close after the start' }),
  badLadder: () => DomainError.validation('ladder', { zh: '加价阶梯须从 0 起，按金额递增，每档加价大于 0', en: 'The ladder starts at 0, ascends, and every step is above 0' }),
  reserveBelowStart: () => DomainError.validation('reservePrice', { zh: '保留价不得低于起拍价', en: 'The reserve may not be below the start price' }),
  letterNotAPdf: () => notAPdf('file', { zh: '授权委托书', en: 'The authorisation letter' }),
  reportNotAPdf: () => notAPdf('file', { zh: '评估报告', en: 'The valuation report' }),
  proofNotAPdf: () => notAPdf('file', { zh: '收款凭证', en: 'The payment proof' }),
};
