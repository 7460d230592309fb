import type { EntityManager } from 'typeorm';

/**
 * Who owns a plugin id, answered by a SECURITY DEFINER function so a county learns only that an id is
 * taken (not by whom, nor anything of another county's plugin). Installed plugins' ids are the platform's.
 */
export async function idOwner(em: EntityManager, id: string): Promise<{ taken: boolean; owner: string | null }> {
  const [row] = (await em.query(`SELECT taken, owner FROM plugin_id_owner($1)`, [id])) as {
    taken: boolean;
    owner: string | null;
  }[];
  return { taken: row?.taken ?? false, owner: row?.owner ?? null };
}
