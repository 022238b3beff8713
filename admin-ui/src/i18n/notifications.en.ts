/** The notification centre, the app bar's bell and a case's text messages. Keys as in `notifications.zh.ts`. */
export const notificationsEnglish = {
  notifications: {
    title: 'Notifications',
    bell: 'Notifications (%{smart_count} unread)',
    readAll: 'Mark all read',
    empty: 'No notifications yet.',
    unread: 'Unread',
    newer: 'Newer',
    older: 'Older',
    failed: 'Could not update the notification; please try again.',
    kinds: {
      task_assigned: 'Task',
      task_claimable: 'To claim',
      deadline_approaching: 'Deadline',
      warning: 'Warning',
      escalation_result: 'Escalation',
      inspection_due: 'Inspection due',
    },
    messages: {
      title: 'Text messages',
      none: 'No text messages sent for this case.',
      heldUntil: 'Held (quiet hours) until',
      createdAt: 'Queued',
      deliveredAt: 'delivered',
      attempts: '%{count} attempts',
      kinds: {
        rectification_notice: 'Rectification notice',
        rectification_deadline: 'Rectification deadline',
        task_deadline: 'Deadline reminder',
      },
      audience: { owner: 'To the responsible person', staff: 'To staff' },
      status: { held: 'Held', queued: 'Queued', sent: 'Sent', delivered: 'Delivered', failed: 'Failed' },
    },
  },
};
