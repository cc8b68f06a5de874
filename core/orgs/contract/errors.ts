import { defineErrors } from '#kernel';

/** Every code core/orgs throws, with its params; the words are in ../locales. */
export const OrgErrors = defineErrors('orgs', {
  orgNotFound: { code: 'orgs.org_not_found', kind: 'not_found', params: ['id'] },
  orgInactive: { code: 'orgs.org_inactive', kind: 'invalid', params: ['id?'] },
  codeTaken: { code: 'orgs.code_taken', kind: 'conflict', params: ['code'] },
  changeNeedsScopeAbove: { code: 'orgs.change_needs_scope_above', kind: 'forbidden', params: ['permission'] },
  typeNotAllowedUnderParent: { code: 'orgs.type_not_allowed_under_parent', kind: 'invalid', params: ['type', 'parentType'] },
  authorityNeedsScopeAbove: { code: 'orgs.authority_needs_scope_above', kind: 'forbidden', params: ['type'] },
  stageRequired: { code: 'orgs.stage_required', kind: 'invalid' },
  stageOnlyForSchools: { code: 'orgs.stage_only_for_schools', kind: 'invalid' },
  parentInactive: { code: 'orgs.parent_inactive', kind: 'invalid', params: ['parentId'] },
  schoolCannotHaveChildren: { code: 'orgs.school_cannot_have_children', kind: 'invalid' },
  onlyOneMinistry: { code: 'orgs.only_one_ministry', kind: 'invalid' },
  cannotMoveRoot: { code: 'orgs.cannot_move_root', kind: 'invalid' },
  cannotMoveIntoOwnSubtree: { code: 'orgs.cannot_move_into_own_subtree', kind: 'invalid' },
  cannotDeactivateRoot: { code: 'orgs.cannot_deactivate_root', kind: 'invalid' },
  importUnsupportedFile: { code: 'orgs.import_unsupported_file', kind: 'invalid', params: ['filename'] },
  importEmptyFile: { code: 'orgs.import_empty_file', kind: 'invalid' },
  importMissingColumn: { code: 'orgs.import_missing_column', kind: 'invalid', params: ['column'] },
  // Row errors of an import report (returned, not thrown): { row, code, field, value }.
  importBadCode: { code: 'orgs.import_bad_code', kind: 'invalid' },
  importDuplicateCode: { code: 'orgs.import_duplicate_code', kind: 'invalid' },
  importBadName: { code: 'orgs.import_bad_name', kind: 'invalid' },
  importBadType: { code: 'orgs.import_bad_type', kind: 'invalid' },
  importBadStage: { code: 'orgs.import_bad_stage', kind: 'invalid' },
  importParentRequired: { code: 'orgs.import_parent_required', kind: 'invalid' },
  importParentNotFound: { code: 'orgs.import_parent_not_found', kind: 'invalid' },
  importParentDiffers: { code: 'orgs.import_parent_differs', kind: 'invalid' },
});
