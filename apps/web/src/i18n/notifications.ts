import { defineMessages } from './define';

/** In-app notifications. */
export default defineMessages({
  zh: {
    'notifications.title': '通知',
    'notifications.unreadOnly': '只看未读',
    'notifications.unread': '未读',
    'notifications.empty': '暂无通知。成果审核、匹配结果、揭榜和路演安排有进展时会通知您。',
    'notifications.link': '通知（{count} 条未读）',
  },
  en: {
    'notifications.title': 'Notifications',
    'notifications.unreadOnly': 'Unread only',
    'notifications.unread': 'Unread',
    'notifications.empty': 'No notifications yet. You are told when reviews, matches, proposals and roadshows move.',
    'notifications.link': 'Notifications ({count} unread)',
  },
});
