// Not a model: an in-memory stand-in with the same name and a find method (used by same-name-elsewhere.input.ts).
export const User = {
  async find(filter: { email?: string }): Promise<{ email: string }[]> {
    return [{ email: 'a@example.com' }].filter((u) => filter.email === undefined || u.email === filter.email);
  },
};
