/** The fields of a policy an admin edits (PolicyBody in the contracts); `code` only when adding. */
export interface PolicyInput {
  code?: string;
  title: string;
  description: string;
  active: boolean;
}
