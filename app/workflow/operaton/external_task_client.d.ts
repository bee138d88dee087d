// camunda-external-task-client-js ships no typings; this is the part the topic worker uses.
declare module 'camunda-external-task-client-js' {
  export interface ClientTask {
    id: string
    topicName: string
    processInstanceId: string
    processDefinitionKey: string
    activityId: string
    businessKey: string | null
    retries: number | null
    lockExpirationTime: string
    variables: Variables
  }
  export interface TaskService {
    complete(task: ClientTask, variables?: Variables): Promise<void>
    handleFailure(
      task: ClientTask,
      options: {
        errorMessage: string
        errorDetails?: string
        retries: number
        retryTimeout: number
      }
    ): Promise<void>
    handleBpmnError(
      task: ClientTask,
      errorCode: string,
      errorMessage?: string,
      variables?: Variables
    ): Promise<void>
    extendLock(task: ClientTask, newDuration: number): Promise<void>
  }
  export class Variables {
    getAllTyped(): Record<
      string,
      { value: unknown; type: string; valueInfo?: Record<string, unknown> }
    >
    setAllTyped(values: Record<string, unknown>): Variables
  }
  export class BasicAuthInterceptor {
    constructor(options: { username: string; password: string })
  }
  export class Client {
    constructor(options: Record<string, unknown>)
    activeTasksCount: number
    subscribe(
      topic: string,
      options: Record<string, unknown>,
      handler: (args: { task: ClientTask; taskService: TaskService }) => Promise<void>
    ): { unsubscribe(): void }
    on(event: string, listener: (...args: any[]) => void): void
    start(): void
    stop(): void
  }
}
