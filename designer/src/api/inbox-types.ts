/** Shapes of the inbox, task, audit and outbox endpoints: re-exported from their one declaration in node-types/api. */
export type { Approval, DecisionResult, HistoryEntry, InboxTask, TaskDecision, TaskDetail, TaskQuery, TaskStatus } from '../../../node-types/api/tasks'
export type { Group } from '../../../node-types/api/people'
export type { AuditEntry } from '../../../node-types/api/runs'
export type { Delivery, MessagePurpose, OutboxEntry, OutboxQuery } from '../../../node-types/api/customer'
