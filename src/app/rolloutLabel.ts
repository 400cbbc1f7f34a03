/** Who produced a rollout, as the compare views name it: agent and model, whichever are known. */
export function rolloutLabel(agent: string | null | undefined, model: string | null | undefined): string {
  return [agent, model].filter(Boolean).join(' · ') || 'unknown agent';
}
