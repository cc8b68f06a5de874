export const WorkPlanPermissions = {
  read: 'work-plan.plan.read',
  import: 'work-plan.plan.import',
  update: 'work-plan.plan.update',
  mapUnits: 'work-plan.unit.map',
} as const;

export const ReportPermissions = {
  submit: 'work-plan.report.submit',
  review: 'work-plan.report.review',
} as const;
