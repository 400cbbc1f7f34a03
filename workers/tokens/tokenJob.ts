import { countTokens } from '../../src/core/tokens';
import type { Message, Role } from '../../src/core/types';

/** What a token worker needs of one trajectory: its message texts and roles, nothing else to clone. */
export interface TokenInput {
  roles: Role[];
  texts: string[];
}

export interface TokenTotals {
  total: number;
  byRole: Record<Role, number>;
}

export function tokenInput(messages: Message[]): TokenInput {
  return { roles: messages.map((m) => m.role), texts: messages.map((m) => m.content) };
}

export function countInputs(inputs: TokenInput[]): TokenTotals[] {
  return inputs.map(({ roles, texts }) => {
    const { total, byRole } = countTokens(texts.map((content, i) => ({ role: roles[i] ?? 'user', content })));
    return { total, byRole };
  });
}
