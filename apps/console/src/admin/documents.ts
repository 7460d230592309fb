import { graphql } from '../gql';

export const UsersDocument = graphql(`
  query Users($tenantCode: String!, $search: String, $role: Role, $active: Boolean, $after: String, $limit: Int!) {
    users(tenantCode: $tenantCode, search: $search, role: $role, active: $active, after: $after, limit: $limit) {
      items {
        id
        username
        displayName
        roles
        active
        lastSignInAt
        mustChangePassword
        createdAt
        memberUnit {
          id
          name
        }
      }
      nextCursor
    }
  }
`);

export const DeactivateUserDocument = graphql(`
  mutation DeactivateUser($input: UserActionInput!) {
    deactivateUser(input: $input) {
      id
      active
    }
  }
`);
export const ReactivateUserDocument = graphql(`
  mutation ReactivateUser($input: UserActionInput!) {
    reactivateUser(input: $input) {
      id
      active
    }
  }
`);
export const ChangeUserRolesDocument = graphql(`
  mutation ChangeUserRoles($input: ChangeUserRolesInput!) {
    changeUserRoles(input: $input) {
      id
      roles
      memberUnit {
        id
        name
      }
    }
  }
`);
export const ChangeUserUnitDocument = graphql(`
  mutation ChangeUserUnit($input: ChangeUserUnitInput!) {
    changeUserUnit(input: $input) {
      id
      memberUnit {
        id
        name
      }
    }
  }
`);
export const ResetUserPasswordDocument = graphql(`
  mutation ResetUserPassword($input: UserActionInput!) {
    resetUserPassword(input: $input) {
      temporaryPassword
      expiresAt
      user {
        id
        username
        displayName
        mustChangePassword
      }
    }
  }
`);
export const RequirePasswordChangeDocument = graphql(`
  mutation RequirePasswordChange($input: UserActionInput!) {
    requirePasswordChange(input: $input) {
      id
      mustChangePassword
    }
  }
`);
