import type zhCN from './subscriptions.zh-CN'

/** Data subscriptions (webhook push) page. */
export default {
  subscriptions: {
    title: 'Subscriptions',
    intro:
      'Register a callback URL for a granted dataset: new records within your grant are pushed to your system as signed HTTPS requests.',
    create: 'New subscription',
    dataset: 'Dataset',
    url: 'Callback URL',
    urlPlaceholder: 'https://receiver.example.org/ecoshare',
    urlHint:
      'https only; no private, loopback or cloud-metadata addresses, no user name or password.',
    grant: 'Grant',
    grantPlaceholder: 'An active grant with the subscription mode',
    noGrants:
      'You have no active grant with the subscription delivery mode. Tick that mode when you request data.',
    fields: 'Fields pushed',
    fieldsPlaceholder: 'None selected: every field of the grant',
    status: 'Status',
    statusActive: 'Active',
    statusPaused: 'Paused',
    failures: 'Failures in a row',
    lastDelivery: 'Last delivery',
    lastSuccess: 'Last success',
    nextAttempt: 'Next retry',
    emptyTitle: 'No subscriptions yet',
    emptyText:
      'Once subscribed, new records of a granted dataset are pushed to your system; no polling needed.',
    pause: 'Pause',
    resume: 'Resume',
    rotate: 'Rotate secret',
    remove: 'Delete',
    deliveries: 'Deliveries',
    confirmPause:
      'Pause subscription #{id}? Records that arrive meanwhile are sent after resuming.',
    confirmRemove: 'Delete subscription #{id}? Nothing more is sent; the delivery log is kept.',
    confirmRotate:
      'Rotate the signing secret of subscription #{id}? The old secret stops at once; update your receiver.',
    paused: 'Subscription paused',
    resumed: 'Subscription resumed',
    removed: 'Subscription deleted',
    created: 'Subscription created',
    secretTitle: 'Signing secret (shown once)',
    secretWarning:
      'Save this secret now. It is never shown again; if lost, rotate to get a new one. Your receiver checks X-EcoShare-Signature with it.',
    secretHowTo:
      'Check: hex HMAC-SHA256(secret, "<t>.<raw request body>") equals v1 in the signature header.',
    copy: 'Copy',
    copied: 'Copied to the clipboard',
    copyFailed: 'Copy failed; select and copy it by hand',
    secretSaved: 'I have saved it',
    drawerTitle: 'Deliveries of subscription #{id}',
    attemptedAt: 'Time',
    attempt: 'Attempt',
    deliveryId: 'Delivery id',
    statusCode: 'HTTP status',
    rows: 'Records',
    bytes: 'Bytes',
    duration: 'Duration (ms)',
    result: 'Result',
    resultSuccess: 'Success',
    resultFailed: 'Failed',
    error: 'Error',
  },
} satisfies typeof zhCN
