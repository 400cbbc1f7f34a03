/** How the compare views name a rollout: who produced it, and the part of its id that tells it from its siblings. */
export function rolloutLabel(agent: string | null | undefined, model: string | null | undefined): string {
  return [agent, model].filter(Boolean).join(' · ') || 'unknown agent';
}

/** Rollouts of one dataset share the id's source/config/split prefix; its file#row tail is what differs. */
export function shortId(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}
