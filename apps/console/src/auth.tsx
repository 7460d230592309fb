import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { graphql } from './gql';
import type { MeQuery } from './gql/graphql';
import { setUnauthenticatedHandler } from './apollo';
import { readToken, writeToken } from './session';
import { LogoutDocument } from './account/documents';

export const MeDocument = graphql(`
  query Me {
    me {
      id
      username
      displayName
      roles
      memberUnit {
        id
        name
        kind
      }
      tenant {
        id
        code
        name
        level
        parent {
          code
          name
        }
        children {
          code
        }
      }
    }
  }
`);

const RefreshAccessTokenDocument = graphql(`
  mutation RefreshAccessToken {
    refreshAccessToken {
      accessToken
    }
  }
`);

/** Access tokens are short (ACCESS_TOKEN_TTL, 15 minutes by default): renew well before they end. */
const RENEW_EVERY_MS = 5 * 60_000;

export type Me = MeQuery['me'];

interface Auth {
  token: string | null;
  me: Me | null;
  loading: boolean;
  error: unknown;
  signIn(token: string): void;
  signOut(): void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [token, setToken] = useState<string | null>(readToken);
  const { data, loading, error } = useQuery(MeDocument, { skip: !token, fetchPolicy: 'network-only' });

  const signIn = useCallback((next: string) => {
    writeToken(next);
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    // End the session on the server too (its refresh and access tokens), with the token being forgotten.
    const current = readToken();
    if (current)
      void client
        .mutate({ mutation: LogoutDocument, context: { headers: { authorization: `Bearer ${current}` } } })
        .catch(() => undefined);
    writeToken(null);
    setToken(null);
    void client.clearStore();
  }, [client]);
  useEffect(() => setUnauthenticatedHandler(signOut), [signOut]);
  // While signed in, exchange the access token for a fresh one (the session's absolute end still
  // applies; a deactivated account or a revoked session fails the exchange and signs out).
  useEffect(() => {
    if (!token) return;
    const timer = setInterval(() => {
      client
        .mutate({ mutation: RefreshAccessTokenDocument })
        .then((res) => {
          const next = res.data?.refreshAccessToken.accessToken;
          if (next) {
            writeToken(next);
            setToken(next);
          }
        })
        .catch(() => signOut());
    }, RENEW_EVERY_MS);
    return () => clearInterval(timer);
  }, [token, client, signOut]);

  const value = useMemo<Auth>(
    () => ({
      token,
      me: token ? (data?.me ?? null) : null,
      loading: Boolean(token) && loading && !data,
      error,
      signIn,
      signOut,
    }),
    [token, data, loading, error, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in user (inside the signed-in layout only). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe before sign-in');
  return me;
}
