import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';
import { readToken } from './session';

/** Called when the API says the session is gone (expired or revoked token). */
let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

const auth = new SetContextLink((prev) => {
  const token = readToken();
  // An operation may carry its own token (a password-change-only sign-in, the sign-out): it wins.
  return {
    headers: { 'accept-language': 'zh-CN', ...(token ? { authorization: `Bearer ${token}` } : {}), ...prev.headers },
  };
});

const signOutOnExpiry = new ErrorLink(({ error, operation }) => {
  if (
    operation.operationName === 'Login' ||
    operation.operationName === 'Logout' ||
    operation.operationName === 'ChangePassword'
  )
    return;
  if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'))
    onUnauthenticated();
});

export const client = new ApolloClient({
  link: ApolloLink.from([auth, signOutOnExpiry, new HttpLink({ uri: '/graphql' })]),
  cache: new InMemoryCache(),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
