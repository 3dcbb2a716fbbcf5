import { defineMessages } from './define';

/** Outbox messages set aside after failing every delivery attempt (platform administration). */
export default defineMessages({
  zh: {
    'outbox.title': '投递失败的后台消息',
    'outbox.hint': '数据变更提交后，检索索引更新和后台任务经由“发件箱”投递；多次投递失败的消息不再自动重试，留在这里等待处理。排除原因（如检索服务不可用）后重新投递。',
    'outbox.empty': '没有投递失败的消息。',
    'outbox.kind.index': '检索索引',
    'outbox.kind.job': '后台任务',
    'outbox.target': '目标',
    'outbox.error': '最后一次错误',
    'outbox.attempts': '尝试次数',
    'outbox.deadAt': '停止重试时间',
    'outbox.actions': '操作',
    'outbox.retry': '重新投递',
    'outbox.retryAll': '全部重新投递（{n} 条）',
    'outbox.retried': '已重新投递 {n} 条消息。',
  },
  en: {
    'outbox.title': 'Undelivered background messages',
    'outbox.hint': 'After a change is committed, search-index updates and background jobs are delivered through the outbox; a message that failed every attempt is no longer retried on its own and waits here. Fix the cause (e.g. the search engine was down), then send it again.',
    'outbox.empty': 'No undelivered messages.',
    'outbox.kind.index': 'Search index',
    'outbox.kind.job': 'Background job',
    'outbox.target': 'Target',
    'outbox.error': 'Last error',
    'outbox.attempts': 'Attempts',
    'outbox.deadAt': 'Given up at',
    'outbox.actions': 'Actions',
    'outbox.retry': 'Send again',
    'outbox.retryAll': 'Send all again ({n})',
    'outbox.retried': '{n} message(s) sent again.',
  },
});
