import type { AuthProvider, UserIdentity } from 'react-admin';
import { allows } from './access';
import { httpStatusOf, serverErrorCode } from './errors';
import { clearSession, currentSession, rememberExpiredSession, saveSession, sessionExpired, type Session } from './session';

const LOGIN = `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      permissions
      user { id email fullName role unitId }
      unit { id code nameWithType level }
    }
  }
`;

interface LoginResponse {
  data?: { login: Session } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface LoginParams {
  email: string;
  password: string;
}

/** The signed-in user as react-admin's user menu shows them, with their unit and role. */
export interface SoQuyIdentity extends UserIdentity {
  fullName: string;
  email: string;
  role: Session['user']['role'];
  unitName: string;
}

/** Posts the `login` mutation; rejects with the server's own message ("The email or the password is wrong"…). */
async function signIn({ email, password }: LoginParams): Promise<Session> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ operationName: 'Login', query: LOGIN, variables: { email, password } }),
    });
  } catch {
    throw new Error('ra.notification.http_error');
  }
  let body: LoginResponse;
  try {
    body = (await response.json()) as LoginResponse;
  } catch {
    throw new Error('ra.notification.http_error');
  }
  const serverMessage = body.errors?.[0]?.message;
  if (serverMessage) throw new Error(serverMessage);
  if (!response.ok || !body.data?.login) throw new Error('ra.notification.http_error');
  return body.data.login;
}

export const authProvider: AuthProvider = {
  async login(params: LoginParams) {
    saveSession(await signIn(params));
  },

  async logout() {
    // react-admin signs out without a word when checkAuth finds the session expired on a page
    // change: the sign-in page says it instead (layout/useExpiredSessionNotice.ts).
    if (sessionExpired()) rememberExpiredSession();
    clearSession();
  },

  // checkAuth and checkError leave the stored session alone: react-admin calls logout() next, and
  // it notifies the end of the session only while checkAuth still sees one.
  async checkAuth() {
    if (currentSession()) return;
    // No notification from react-admin: a first visit needs none, and an expired session is
    // announced once by the sign-in page (see logout).
    throw { message: false };
  },

  async checkError(error: unknown) {
    if (httpStatusOf(error) === 401 || serverErrorCode(error) === 'UNAUTHENTICATED') {
      // react-admin signs out and notifies this (translated) message.
      throw { message: 'ra.notification.logged_out' };
    }
    // FORBIDDEN, NOT_FOUND, BAD_USER_INPUT… are answers to one request, not a lost session.
  },

  async getIdentity(): Promise<SoQuyIdentity> {
    const session = currentSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    const { user, unit } = session;
    return { id: user.id, fullName: user.fullName, email: user.email, role: user.role, unitName: unit.nameWithType };
  },

  async getPermissions() {
    return currentSession()?.permissions ?? [];
  },

  async canAccess({ resource, action }) {
    return allows(currentSession()?.permissions ?? [], resource, action);
  },
};
