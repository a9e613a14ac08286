/**
 * The number of members an item needs: the configured number, or (0) a majority of the active
 * Technical Group members — never fewer than one.
 */
export function quorumThreshold(configured: number, activeMembers: number): number {
  if (configured > 0) return configured;
  return Math.floor(activeMembers / 2) + 1;
}

export interface ItemQuorum {
  /** Members present and not recused from the item: the ones who decide it. */
  voting: number;
  present: number;
  recused: number;
  required: number;
  met: boolean;
}

/**
 * The quorum of one item: members present, less those recused from it, against the threshold.
 * A recused member who is absent does not count twice.
 */
export function itemQuorum(
  presentMemberIds: readonly string[],
  recusedMemberIds: readonly string[],
  required: number,
): ItemQuorum {
  const present = new Set(presentMemberIds);
  const recusedPresent = [...new Set(recusedMemberIds)].filter((id) => present.has(id)).length;
  const voting = present.size - recusedPresent;
  return {
    voting,
    present: present.size,
    recused: recusedPresent,
    required,
    met: voting >= required,
  };
}
