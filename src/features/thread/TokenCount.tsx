import type { Message } from '../../core/types';
import { count, shortCount } from './format';
import { useMessageTokens } from './useMessageTokens';

export function TokenCount({ message }: { message: Message }) {
  const tokens = useMessageTokens(message);
  const title = tokens.exact ? `${count(tokens.value)} cl100k_base tokens in this message's text` : `About ${count(tokens.value)} tokens (characters / 4) while the exact count is computed`;
  return (
    <span className={`msg-tokens${tokens.exact ? '' : ' is-estimate'}`} title={title} data-exact={tokens.exact}>
      {tokens.exact ? '' : '≈'}
      {shortCount(tokens.value)} tok
    </span>
  );
}
