import type { CategoryRule } from '../contract/campaign-rules.ts';

/** Whether an org may apply in a category: its type is listed, and it lies inside the organiser's subtree (below it, or it for a region). */
export function applicantOrgAllowed(category: CategoryRule, org: { type: string; path: string }, campaignOrgPath: string): boolean {
  if (!(category.applicantOrgTypes as string[]).includes(org.type)) return false;
  return org.path.startsWith(campaignOrgPath) && org.path !== campaignOrgPath;
}
