// Domain events that reach people. Services call notify() inside their transaction, so a
// notification exists exactly when the change it reports was committed.
export type NotificationEvent =
  | { type: 'claim.confirmed'; assignmentId: string }
  | { type: 'claim.pending'; assignmentId: string }
  | { type: 'claim.rejected'; assignmentId: string; reason: string }
  | { type: 'assignment.cancelled'; assignmentId: string; reason: string; byWorker: boolean }
  | { type: 'shift.cancelled'; shiftId: string; reason: string; assignmentIds: string[] }
  /** A mediator cancelled a person's shadow day (orientation): its one-place shift and the assignment. */
  | { type: 'orientation.cancelled'; shiftId: string; reason: string; assignmentId: string }
  | { type: 'shift.posted'; shiftIds: string[] }
  | { type: 'swap.requested'; swapId: string }
  | { type: 'swap.accepted'; swapId: string }
  | { type: 'swap.decided'; swapId: string; isApproved: boolean; reason?: string | undefined }
  | { type: 'shift.reminder'; assignmentId: string }
  | { type: 'offer.made'; offerIds: string[] }
  | { type: 'offer.answered'; offerId: string }
  | { type: 'big.expiry'; credentialId: string; monthsBefore: number };

export type NotificationType = NotificationEvent['type'];
