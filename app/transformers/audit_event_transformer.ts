/** Audit rows as the API shows them: UTC time rendered with an explicit +00:00 offset. */
export function transformAuditEvent(row: Record<string, any>) {
  return {
    id: Number(row.id),
    seq: Number(row.seq),
    occurredAt: String(row.occurred_at).replace(/Z$/, '+00:00'),
    actorId: row.actor_id === null ? null : Number(row.actor_id),
    actorUsername: row.actor_username,
    organisationId: row.organisation_id === null ? null : Number(row.organisation_id),
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    result: row.result,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details ? JSON.parse(row.details) : null,
    hash: row.hash,
  }
}
