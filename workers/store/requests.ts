/**
 * Issues IndexedDB requests and waits for all of them. When issuing one throws (the transaction was
 * aborted under us, say, by a quota failure), the requests already issued still get a handler, so
 * their AbortError rejections are never reported as unhandled.
 */
export async function issueAll(requests: (() => Promise<unknown>)[]): Promise<void> {
  const issued: Promise<unknown>[] = [];
  try {
    for (const issue of requests) issued.push(issue());
  } catch (e) {
    void Promise.allSettled(issued);
    throw e;
  }
  await Promise.all(issued);
}
