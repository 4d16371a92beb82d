import type { LoginBody, LoginResponse } from '#shared/contracts/auth';
import type { ApiClient } from './api-client.ts';

export type LoginCredentials = Required<Pick<LoginBody, 'identifier' | 'password'>>;

/** `POST /auth/login`: the identifier is an e-mail address or a phone number. */
export function login(api: ApiClient, credentials: LoginCredentials): Promise<LoginResponse> {
  return api.post<LoginResponse>('/auth/login', credentials);
}
