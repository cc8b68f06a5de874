export const WorkPlanPermissions = {
  read: 'work-plan.plan.read',
  import: 'work-plan.plan.import',
  update: 'work-plan.plan.update',
  mapUnits: 'work-plan.unit.map',
} as const;
