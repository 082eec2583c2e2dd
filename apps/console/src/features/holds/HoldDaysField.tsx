import { HOLD_MAX_DAYS } from '@docket/contracts';
import { NumberField } from '../../ui/NumberField';

/** Whole days for placing or extending a hold, within what the API accepts. */
export function HoldDaysField(props: {
  label: string;
  value: number;
  onChange: (days: number) => void;
  description: string;
  autoFocus?: boolean;
}) {
  return <NumberField {...props} name="days" minValue={1} maxValue={HOLD_MAX_DAYS} />;
}
