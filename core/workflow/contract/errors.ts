import { defineErrors } from '#kernel';

/** Every code the workflow engine throws, with its params; the words are in ../locales. */
export const WorkflowErrors = defineErrors('workflow', {
  definitionNotFound: { code: 'workflow.definition_not_found', kind: 'not_found', params: ['id'] },
  instanceNotFound: { code: 'workflow.instance_not_found', kind: 'not_found', params: ['id'] },
  orgNotFound: { code: 'workflow.org_not_found', kind: 'not_found', params: ['id'] },
  userNotFound: { code: 'workflow.user_not_found', kind: 'not_found', params: ['id'] },
  instanceChanged: { code: 'workflow.instance_changed', kind: 'conflict', params: ['id', 'version'] },
  alreadyInProgress: { code: 'workflow.already_in_progress', kind: 'conflict', params: ['id?', 'subjectId?'] },
  noRoute: { code: 'workflow.no_route', kind: 'invalid', params: ['definition'] },
  notInProgress: { code: 'workflow.not_in_progress', kind: 'conflict', params: ['state'] },
  notYourTurn: { code: 'workflow.not_your_turn', kind: 'forbidden' },
  notApplicant: { code: 'workflow.not_applicant', kind: 'forbidden' },
  alreadyActedOn: { code: 'workflow.already_acted_on', kind: 'conflict' },
  notReturned: { code: 'workflow.not_returned', kind: 'conflict', params: ['state'] },
  commentRequired: { code: 'workflow.comment_required', kind: 'invalid', params: ['field'] },
  badReturnTarget: { code: 'workflow.bad_return_target', kind: 'invalid', params: ['field', 'to'] },
  userCannotAct: { code: 'workflow.user_cannot_act', kind: 'invalid', params: ['field', 'name'] },
  alreadySigner: { code: 'workflow.already_signer', kind: 'conflict', params: ['name?'] },
  transferToSelf: { code: 'workflow.transfer_to_self', kind: 'invalid', params: ['field'] },
});
