import db from '@adonisjs/lucid/services/db'
import type { WorkflowTask } from '#workflow/types'

/*
 * The reverse of GroupResolver: who belongs to a candidate group. Only the groups our own sources
 * produce are known (`role:<role>`, `org:<code>:<role>`, `org:<code>:head`); others reach nobody.
 */
export async function membersOf(group: string): Promise<number[]> {
  const parts = group.split(':')
  if (parts[0] === 'role' && parts.length === 2) {
    return activeIds(
      db.from('user_roles as r').join('users as u', 'u.id', 'r.user_id').where('r.role', parts[1])
    )
  }
  if (parts[0] === 'org' && parts.length === 3 && parts[2] === 'head') {
    return activeIds(
      db
        .from('organisations as o')
        .join('users as u', 'u.id', 'o.head_user_id')
        .where('o.code', parts[1])
    )
  }
  if (parts[0] === 'org' && parts.length === 3) {
    return activeIds(
      db
        .from('user_roles as r')
        .join('users as u', 'u.id', 'r.user_id')
        .join('organisations as o', 'o.id', 'u.organisation_id')
        .where('o.code', parts[1])
        .where('r.role', parts[2])
    )
  }
  return []
}

async function activeIds(query: ReturnType<typeof db.from>) {
  const rows = await query.where('u.status', 'active').distinct('u.id as id')
  return rows.map((row: { id: number }) => Number(row.id))
}

/** Everyone who may act on the task: its assignee, else its candidate users and group members. */
export async function recipientsOf(task: WorkflowTask): Promise<number[]> {
  const ids = new Set<number>()
  const direct = task.assignee ? [task.assignee] : task.candidateUsers
  for (const id of direct) if (/^\d+$/.test(id)) ids.add(Number(id))
  if (!task.assignee) {
    for (const group of task.candidateGroups) for (const id of await membersOf(group)) ids.add(id)
  }
  return [...ids].sort((a, b) => a - b)
}
