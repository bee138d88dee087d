import { OperatonRestError } from '#workflow/operaton/http_client'
import {
  TaskConflictException,
  WorkflowNotFoundException,
  WorkflowStepException,
} from '#workflow/port'

type Kind = ConstructorParameters<typeof WorkflowNotFoundException>[0]

const NOT_FOUND = /not found|does not exist|cannot find|no .* found|is null/i
const EXPRESSION = /expression|unknown property|cannot resolve identifier|propertynotfound/i

export function isNotFound(error: unknown) {
  return (
    error instanceof OperatonRestError &&
    (error.status === 404 || (error.status < 600 && NOT_FOUND.test(error.message)))
  )
}

/** Another request changed the same row first (the engine's optimistic locking or a claim race). */
export function isConflict(error: unknown) {
  return (
    error instanceof OperatonRestError &&
    /OptimisticLocking|TaskAlreadyClaimed|already claimed/i.test(`${error.type} ${error.message}`)
  )
}

/** Maps the engine's REST errors to the port's exceptions; anything else is rethrown as is. */
export function mapError(error: unknown, kind: Kind, id: string): never {
  if (isConflict(error) && kind === 'task') throw new TaskConflictException(id)
  if (isNotFound(error)) throw new WorkflowNotFoundException(kind, id)
  if (error instanceof OperatonRestError && EXPRESSION.test(error.message))
    throw new WorkflowStepException(error.message, { cause: error })
  throw error
}

/** Runs an engine call and maps its errors for the `kind` of object it addresses. */
export async function mapped<T>(kind: Kind, id: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    mapError(error, kind, id)
  }
}
