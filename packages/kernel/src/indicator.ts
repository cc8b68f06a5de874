import type { Kysely } from 'kysely';
import type { Label } from './module.ts';

/** A half-open period [from, to) of ISO instants. */
export interface Period {
  from: string;
  to: string;
}

/**
 * A named measure a module offers: computed over an org's subtree (its path) and a period.
 * Work-plan targets bind to these ids, and dashboards read them. Ids are `<module>.<measure>`.
 */
export interface IndicatorDefinition {
  id: string;
  name: Label;
  /** The measure word shown with the figure: 个, 所, 人 … */
  unit: string;
  description?: Label;
  /** True when the figure counts what happened inside the period; false for a state as of its end. */
  isFlow: boolean;
  compute(db: Kysely<any>, orgPath: string, period: Period): Promise<number>;
}
