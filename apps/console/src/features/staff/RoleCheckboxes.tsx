import { ROLE_DESCRIPTIONS, ROLES, type Role } from '@docket/permissions';
import { Checkbox, CheckboxGroup } from '../../ui/Checkbox';
import { roleLabel } from './roles';

/** The roles of an account, each with what it grants, from the shared permission vocabulary. */
export function RoleCheckboxes({
  value,
  onChange,
  description,
}: {
  value: Role[];
  onChange: (roles: Role[]) => void;
  description?: string;
}) {
  return (
    <CheckboxGroup
      label="Roles"
      name="roles"
      description={description}
      value={value}
      onChange={(next) => onChange(ROLES.filter((role) => next.includes(role)))}
      isRequired
      validate={(selected) => (selected.length > 0 ? null : 'Choose at least one role.')}
    >
      {ROLES.map((role) => (
        <Checkbox key={role} value={role} hint={ROLE_DESCRIPTIONS[role]}>
          {roleLabel(role)}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}
