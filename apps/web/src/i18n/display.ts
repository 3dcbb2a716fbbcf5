import { defineMessages } from './define';

/** How things are written on every page: punctuation, units, audiences, errors that are not the API's. */
export default defineMessages({
  zh: {
    'common.colon': '：',
    'nav.menu': '菜单',
    'nav.menuClose': '收起菜单',
    'common.networkError': '暂时无法连接平台服务，请检查网络后重试',
    'common.serverError': '平台服务暂时不可用，请稍后重试',
    'demand.audience.public': '所有访客',
    'demand.audience.members': '注册会员',
    'demand.audience.brokers': '技术经纪人',
    'ws.university.demandMatchesEmpty': '暂时没有与该成果匹配的企业需求。补充关键词和应用领域，或稍后再看。',
  },
  en: {
    'common.colon': ': ',
    'nav.menu': 'Menu',
    'nav.menuClose': 'Close menu',
    'common.networkError': 'The platform cannot be reached right now; check your connection and try again',
    'common.serverError': 'The platform is unavailable right now; try again later',
    'demand.audience.public': 'everyone',
    'demand.audience.members': 'registered members',
    'demand.audience.brokers': 'brokers',
    'ws.university.demandMatchesEmpty': 'No matching demands yet. Add keywords and fields of application, or check back later.',
  },
});
