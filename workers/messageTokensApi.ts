/** What the message-token worker answers: exact cl100k_base counts of texts, in order. */
export interface MessageTokensApi {
  count(texts: string[]): number[];
}
