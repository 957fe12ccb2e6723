// Not a model: a cache with the same name and a findAll method (used by same-name-elsewhere.input.ts).
export const User = {
  async findAll(_opts: { where: { email: string } }): Promise<{ id: number }[]> {
    return [];
  },
};
