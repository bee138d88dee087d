import AppException from '#exceptions/app_exception'

/** Someone else's subscription answers exactly like a missing one. */
export class SubscriptionNotFoundException extends AppException {
  constructor(id: string | number) {
    super('E_SUBSCRIPTION_NOT_FOUND', 404, { params: { id } })
  }
}

/** A webhook URL the platform will not call (scheme, credentials, private address, no DNS). */
export class WebhookUrlException extends AppException {
  constructor(rule: 'url' | 'https' | 'credentials' | 'privateAddress' | 'unresolvable') {
    super(`E_WEBHOOK_URL_${rule.toUpperCase()}`, 422, { details: [{ field: 'url', rule }] })
  }
}
