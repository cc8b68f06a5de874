import { useEffect, useState } from 'react';
import { useSession } from '#ui';
import { orgTypeOf, type CampaignRules, type CampaignView } from '../api.ts';

/**
 * The current org's type (school, county authority…), or null when the user may not read the
 * org tree (teachers): then the console cannot tell which categories fit and the server decides.
 */
export function useCurrentOrgType(): string | null {
  const { currentOrg, can } = useSession();
  const [type, setType] = useState<string | null>(null);
  const canReadOrgs = can('orgs.org.read');
  useEffect(() => {
    setType(null);
    if (canReadOrgs) orgTypeOf(currentOrg.id).then(setType, () => setType(null));
  }, [canReadOrgs, currentOrg.id]);
  return type;
}

/** The categories an org of this type may apply in; all of them when the type is unknown. */
export const eligibleCategories = (rules: CampaignRules, orgType: string | null): CampaignRules['categories'] =>
  orgType === null ? rules.categories : rules.categories.filter((c) => (c.applicantOrgTypes as string[]).includes(orgType));

/** Whether to offer 我要申报: an open campaign the user may apply to, not for the organiser itself, in a category that fits the org. */
export function mayApplyHere(campaign: CampaignView, orgId: string, orgType: string | null, canSubmit: boolean): boolean {
  return canSubmit && campaign.canApply && campaign.orgId !== orgId && eligibleCategories(campaign.rules, orgType).length > 0;
}
